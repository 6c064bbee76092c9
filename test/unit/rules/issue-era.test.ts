/** Issue-era SEPs (issue bodies and `Preamble` headers) and pull request descriptions, with our own fixtures. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describesSep, IncrementalMarkdownParser, lint, parseSep, type Finding, type SepOrigin } from '../../../server/src/sep';
import { HTML_BODY, NUMBERED_BODY, PLAIN_BODY, POINTER_DESCRIPTION } from '../../support/issueEra';
import { TODAY, fixesOf } from './helpers';

const FILE = '4242-lantern-negotiation.md';
const ISSUE: SepOrigin = { kind: 'issue', title: 'SEP-4242: Lantern Negotiation' };

function lintBody(text: string, origin?: SepOrigin, fileName: string | undefined = FILE): Finding[] {
  return lint(parseSep(text, { fileName, origin }), { today: TODAY });
}
const rules = (fs: Finding[]) => fs.map((f) => f.rule);

test('an issue body with a numbered, HTML or plain Preamble: header and sections are read', () => {
  for (const [name, body] of [['numbered', NUMBERED_BODY], ['html', HTML_BODY], ['plain', PLAIN_BODY]]) {
    const doc = parseSep(body, { fileName: FILE, origin: ISSUE });
    assert.equal(doc.header.style, 'preamble', name);
    assert.ok(doc.header.preamble, name);
    const fields = Object.fromEntries(doc.header.fields.map((f) => [f.key ?? f.name, f.value]));
    assert.equal(fields.type, 'Standards Track', name);
    assert.equal(fields.created, '2025-05-02', name);
    // A plain `Title:` line is not read (unbolded names are read only when they are header fields).
    if (name !== 'plain') assert.equal(fields.Title, 'Lantern Negotiation', name);
    assert.ok(doc.headings.some((h) => h.text === 'Abstract'), name);
  }
  const html = parseSep(HTML_BODY, { fileName: FILE });
  const status = html.header.fields.find((f) => f.key === 'status')!;
  assert.equal(HTML_BODY.split('\n')[status.valueRange.start.line].slice(status.valueRange.start.character, status.valueRange.end.character), 'Draft');
  const abstract = html.sections.find((s) => s.heading.text === 'Abstract')!;
  assert.ok(abstract.hasContent);
  assert.equal(abstract.heading.depth, 2);
});

test('issue-era bodies get no title-missing, header-missing, field-pr-missing or field-issue-instead-of-pr', () => {
  const quiet = ['title-missing', 'title-malformed', 'header-missing', 'field-pr-missing', 'field-issue-instead-of-pr', 'field-unknown'];
  for (const body of [NUMBERED_BODY, HTML_BODY, PLAIN_BODY]) {
    for (const origin of [ISSUE, undefined]) {
      const found = rules(lintBody(body, origin)).filter((r) => quiet.includes(r));
      assert.deepEqual(found, [], `origin ${origin?.kind}: ${body.slice(0, 20)}`);
    }
  }
  // Without a Preamble heading and without an origin, the same file is an ordinary SEP missing its title and PR.
  const bare = NUMBERED_BODY.replace('## 1. Preamble', '## 1. Summary');
  assert.ok(rules(lintBody(bare)).includes('title-missing'));
});

test('the title rules check the issue title: no number (past proposal) or no name is reported, with no fix', () => {
  // NUMBERED_BODY's Status is `proposal`: the number comes with the sponsor, so its absence is fine.
  assert.deepEqual(lintBody(NUMBERED_BODY, { kind: 'issue', title: 'SEP: Lantern Negotiation' }).filter((f) => f.rule === 'title-malformed'), []);
  const noName = lintBody(NUMBERED_BODY, { kind: 'issue', title: 'SEP-4242:' }).filter((f) => f.rule === 'title-malformed');
  assert.match(noName[0].message, /has no name/);
  const noNumber = lintBody(HTML_BODY, { kind: 'issue', title: 'SEP: Lantern Negotiation' }).filter((f) => f.rule === 'title-malformed');
  assert.equal(noNumber.length, 1);
  assert.match(noNumber[0].message, /issue's title "SEP: Lantern Negotiation" has no SEP number/);
  assert.deepEqual(fixesOf(noNumber[0]), []);
  assert.deepEqual(noNumber[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.deepEqual(rules(lintBody(NUMBERED_BODY, { kind: 'issue', title: 'SEP-4242 - Lantern Negotiation' })).filter((r) => r.startsWith('title')), []);
  const mismatch = lintBody(NUMBERED_BODY, { kind: 'issue', title: 'SEP-4243: Lantern Negotiation' }).filter((f) => f.rule === 'title-file-number-mismatch');
  assert.equal(mismatch.length, 1);
  assert.deepEqual(fixesOf(mismatch[0]), []);
});

test('a pull request description that only points at a file is not a SEP; one that holds the SEP is', () => {
  const pull: SepOrigin = { kind: 'pull', title: 'SEP: Lantern Negotiation' };
  const pointer = parseSep(POINTER_DESCRIPTION, { fileName: FILE, origin: pull });
  assert.equal(describesSep(pointer), false);
  const notes = lint(pointer, { today: TODAY }).filter((f) => f.rule === 'pull-description-not-sep');
  assert.equal(notes.length, 1);
  assert.equal(notes[0].severity, 'information');
  assert.match(notes[0].message, /the SEP is the file seps\/4242-lantern-negotiation\.md/);
  const bare = lint(parseSep('Adds a proposal. Reviews welcome.\n', { fileName: FILE, origin: pull }), { today: TODAY });
  assert.match(bare.find((f) => f.rule === 'pull-description-not-sep')!.message, /names no seps\/ file/);
  const sep = parseSep(HTML_BODY, { fileName: FILE, origin: pull });
  assert.equal(describesSep(sep), true);
  assert.deepEqual(rules(lint(sep, { today: TODAY })).filter((r) => r === 'pull-description-not-sep'), []);
  assert.deepEqual(rules(lintBody(POINTER_DESCRIPTION, ISSUE)).filter((r) => r === 'pull-description-not-sep'), []);
});

test('HTML headings stay in place when an edit above them shifts the block (incremental parse)', () => {
  const parser = new IncrementalMarkdownParser();
  const first = parseSep(HTML_BODY, { fileName: FILE, parser });
  const edited = `Intro line added above.\n\n${HTML_BODY}`;
  const second = parseSep(edited, { fileName: FILE, parser });
  const fresh = parseSep(edited, { fileName: FILE });
  assert.deepEqual(second.headings, fresh.headings);
  assert.deepEqual(second.header.fields, fresh.header.fields);
  assert.notDeepEqual(first.headings.map((h) => h.range), second.headings.map((h) => h.range));
});
