/**
 * The pure half of New SEP and Set PR Number: the new file's text and name, and
 * the edits that number a draft. Checked through the engine itself (parseSep,
 * lint) and over every real SEP in ../shared/reference/seps (read at test time).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, parseSep, ruleById, type SepDocument, type TextEdit } from '../../server/src/sep';
import { SECTIONS } from '../../common/vocabulary';
import { LineIndex } from '../../server/src/sep/text';
import {
  authorLine,
  freeSepFileName,
  handleSnippet,
  newSepText,
  normalizeSponsor,
  pullRequestUrl,
  slugify,
} from '../../common/scaffold';
import { numberedFileName, parsePrNumber, setPrNumberEdits } from '../../server/src/sep/numbering';

const REFERENCE = resolve(import.meta.dirname, '../../../shared/reference');
const MISMATCH_RULES = ['title-file-number-mismatch', 'title-pr-number-mismatch', 'pr-number-mismatch'];
const TODAY = '2026-03-01';

/** Skips (or fails under CI) when ../shared/reference is absent; else returns the folder. */
function reference(t: TestContext): string | undefined {
  if (existsSync(REFERENCE)) return REFERENCE;
  if (process.env.CI === 'true') assert.fail(`${REFERENCE} is missing: CI must have ../shared`);
  t.skip('../shared/reference is not present');
  return undefined;
}

/** Applies non-overlapping edits the way an editor does (positions refer to the original text). */
function apply(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const spans = edits
    .map((e) => ({ s: index.offset(e.range.start), e: index.offset(e.range.end), t: e.newText }))
    .sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const x of spans) out = out.slice(0, x.s) + x.t + out.slice(x.e);
  return out;
}

function field(doc: SepDocument, key: string): string | undefined {
  return doc.header.fields.find((f) => f.key === key)?.value;
}

const input = {
  title: 'Streaming Tool Results',
  type: 'Standards Track',
  authors: 'Ada Lovelace <ada@example.org> (@ada)',
  sponsor: 'None',
  created: TODAY,
};

describe('slugify', () => {
  test('lower-cases, folds accents and joins words with single hyphens', () => {
    assert.equal(slugify('Streaming Tool Results'), 'streaming-tool-results');
    assert.equal(slugify('  Résumé & Co.: HTTP/2 -- support!  '), 'resume-co-http-2-support');
    assert.equal(slugify('OAuth 2.1 for MCP'), 'oauth-2-1-for-mcp');
  });

  test('cuts long titles at a word boundary, at most 50 characters', () => {
    const slug = slugify('Require server requests to be associated with client requests in every transport');
    assert.equal(slug, 'require-server-requests-to-be-associated-with');
    assert.equal(slugify('x'.repeat(80)), 'x'.repeat(50));
  });

  test('falls back to "proposal" when no letter or digit survives', () => {
    assert.equal(slugify('日本語の提案'), 'proposal');
    assert.equal(slugify('!!!'), 'proposal');
  });

  test('always yields a lowercase-hyphenated slug of at most 50 characters', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
      const slug = slugify(s);
      return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) && slug.length <= 50;
    }));
  });
});

describe('freeSepFileName', () => {
  test('takes 0000-<slug>.md when free, then -2, -3 …, never an existing name', () => {
    assert.equal(freeSepFileName('tasks', []), '0000-tasks.md');
    assert.equal(freeSepFileName('tasks', ['0000-tasks.md', 'README.md']), '0000-tasks-2.md');
    assert.equal(freeSepFileName('tasks', ['0000-tasks.md', '0000-tasks-2.md']), '0000-tasks-3.md');
  });

  test('compares names case-insensitively', () => {
    assert.equal(freeSepFileName('tasks', ['0000-Tasks.md']), '0000-tasks-2.md');
  });
});

describe('newSepText', () => {
  const fileName = `0000-${slugify(input.title)}.md`;
  const created = newSepText(input);
  const doc = parseSep(created.text, { fileName });

  test('has the title, the header filled in and the standard sections in order', () => {
    assert.equal(doc.title?.raw, 'SEP-0000: Streaming Tool Results');
    assert.equal(doc.title?.form, 'ok');
    assert.equal(doc.header.style, 'bullets');
    assert.deepEqual(doc.header.fields.map((f) => [f.key, f.value]), [
      ['status', 'Draft'],
      ['type', 'Standards Track'],
      ['created', TODAY],
      ['authors', 'Ada Lovelace <ada@example.org> (@ada)'],
      ['sponsor', 'None'],
      ['pr', 'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/{NUMBER}'],
    ]);
    assert.deepEqual(doc.headings.filter((h) => h.depth === 2).map((h) => h.text), SECTIONS.map((s) => s.name));
  });

  test('each section holds only a guidance comment, so it still counts as empty', () => {
    for (const s of doc.sections.filter((x) => x.heading.depth === 2)) {
      assert.equal(s.hasContent, false, s.heading.text);
      assert.equal(s.wordCount, 0, s.heading.text);
    }
    assert.ok(doc.comments.length >= SECTIONS.length);
    const abstract = doc.sections.find((s) => s.heading.text === 'Abstract')!;
    const comment = doc.comments.find((c) => c.range.start.line > abstract.heading.range.start.line)!;
    assert.match(comment.text, /summary/i);
  });

  test('puts the cursor in the Abstract, after its comment', () => {
    const abstract = doc.sections.find((s) => s.heading.text === 'Abstract')!;
    const next = doc.headings.find((h) => h.text === 'Motivation')!;
    assert.ok(created.cursor.line > abstract.heading.range.start.line && created.cursor.line < next.range.start.line);
    assert.equal(created.text.split('\n')[created.cursor.line], '');
    assert.match(created.text.split('\n')[created.cursor.line - 1], /^<!--.*-->$/);
  });

  test('passes the engine with no Error except the empty sections an unfilled template must have', () => {
    const findings = lint(doc, { today: TODAY });
    const errors = findings.filter((f) => f.severity === 'error' && f.rule !== 'section-empty');
    assert.deepEqual(errors.map((f) => `${f.rule}: ${f.message}`), []);
    if (ruleById('section-empty')) {
      const empty = findings.filter((f) => f.rule === 'section-empty').length;
      assert.ok(empty >= SECTIONS.filter((s) => s.required).length, `section-empty reported ${empty} times`);
    }
  });

  test('with a handle given, the author line is as typed and there is no tab stop', () => {
    assert.equal(created.handle, undefined);
    assert.equal(handleSnippet(created), undefined);
  });

  test('without a handle, leaves "(@handle)" after the first author as a tab stop, not a line authors-no-handle flags', () => {
    const sep = newSepText({ ...input, authors: 'Ada Lovelace <ada@example.org>, Charles Babbage' });
    const lines = sep.text.split('\n');
    assert.ok(sep.handle, 'a tab stop for the handle');
    assert.equal(lines[sep.handle.start.line], '- **Author(s)**: Ada Lovelace <ada@example.org> (@handle), Charles Babbage');
    assert.equal(sep.handle.start.line, sep.handle.end.line);
    assert.equal(lines[sep.handle.start.line].slice(sep.handle.start.character, sep.handle.end.character), 'handle');
    const findings = lint(parseSep(sep.text, { fileName }), { today: TODAY }).map((f) => f.rule);
    assert.ok(!findings.includes('authors-no-handle'), findings.join(', '));
    assert.deepEqual(sep.cursor, created.cursor, 'the Abstract is where it was');
  });

  test('the handle snippet rewrites the text from the placeholder to the Abstract unchanged, ending at the cursor', () => {
    const sep = newSepText({ ...input, authors: 'Ada Lovelace' });
    const snippet = handleSnippet(sep);
    assert.ok(snippet && sep.handle);
    assert.deepEqual(snippet.range, { start: sep.handle.start, end: sep.cursor });
    const lines = sep.text.split('\n');
    assert.equal(lines[sep.handle.start.line], '- **Author(s)**: Ada Lovelace (@handle)');
    const between = [lines[sep.handle.start.line].slice(sep.handle.end.character), ...lines.slice(sep.handle.start.line + 1, sep.cursor.line), ''].join('\n');
    assert.equal(snippet.text, between);
    assert.ok(snippet.text.startsWith(')\n- **Sponsor**: None\n'), snippet.text);
    assert.ok(snippet.text.includes('pull/{NUMBER}') && snippet.text.includes('## Abstract'));
  });

  test('an empty author line gets no placeholder', () => {
    assert.equal(newSepText({ ...input, authors: '  ' }).handle, undefined);
  });

  test('keeps a title that spans lines on the title line, and a comment-closer out of the guidance', () => {
    const text = newSepText({ ...input, title: '  Two\nlines  ' }).text;
    assert.equal(text.split('\n')[0], '# SEP-0000: Two lines');
    for (const c of parseSep(text).comments) assert.equal(c.text.indexOf('-->'), c.text.length - 3);
  });

  test('writes the guidance in our words, not the template\'s', (t) => {
    const ref = reference(t);
    if (!ref) return;
    const template = parseSep(readFileSync(join(ref, 'seps', 'TEMPLATE.md'), 'utf8'));
    const sentences = template.sections
      .flatMap((s) => s.plainText.split(/(?<=[.?!:])\s+|\n/))
      .map((s) => s.trim())
      .filter((s) => s.split(/\s+/).length >= 5);
    assert.ok(sentences.length > 10, 'the template should have prose to compare with');
    const copied = sentences.filter((s) => created.text.includes(s));
    assert.deepEqual(copied, []);
  });
});

describe('prompt values', () => {
  test('normalizeSponsor: None when empty, @ added to bare handles, undefined for names', () => {
    assert.equal(normalizeSponsor(''), 'None');
    assert.equal(normalizeSponsor('  none '), 'None');
    assert.equal(normalizeSponsor('octocat'), '@octocat');
    assert.equal(normalizeSponsor('@a-b, c'), '@a-b, @c');
    assert.equal(normalizeSponsor('Jane Doe'), undefined);
    assert.equal(normalizeSponsor('@bad_name'), undefined);
    assert.equal(normalizeSponsor('@-x'), undefined);
  });

  test('authorLine leaves out what is unknown', () => {
    assert.equal(authorLine({ name: 'Ada Lovelace', email: 'ada@example.org', handle: 'ada' }), 'Ada Lovelace <ada@example.org> (@ada)');
    assert.equal(authorLine({ name: 'Ada', handle: '@ada' }), 'Ada (@ada)');
    assert.equal(authorLine({ email: ' ada@example.org ' }), '<ada@example.org>');
    assert.equal(authorLine({}), '');
  });

  test('parsePrNumber accepts digits, #digits and pull-request URLs only', () => {
    assert.equal(parsePrNumber('1850'), '1850');
    assert.equal(parsePrNumber(' #1850 '), '1850');
    assert.equal(parsePrNumber('0042'), '42');
    assert.equal(parsePrNumber('https://github.com/modelcontextprotocol/modelcontextprotocol/pull/1850'), '1850');
    for (const bad of ['', '0', '000', '12a', '-3', '1.5', 'SEP-12', 'https://github.com/o/r/issues/12']) {
      assert.equal(parsePrNumber(bad), undefined, bad);
    }
  });

  test('pullRequestUrl uses the configured repository, the default when it is not owner/name', () => {
    assert.equal(pullRequestUrl('acme/specs', '7'), 'https://github.com/acme/specs/pull/7');
    assert.equal(pullRequestUrl('not a repo', '7'), 'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/7');
  });

  test('numberedFileName replaces the leading number or puts one in front', () => {
    assert.equal(numberedFileName('0000-streaming-tool-results.md', '1850'), '1850-streaming-tool-results.md');
    assert.equal(numberedFileName('12-old.md', '1850'), '1850-old.md');
    assert.equal(numberedFileName('my-idea.md', '1850'), '1850-my-idea.md');
    assert.equal(numberedFileName('sep-0000-idea.md', '1850'), '1850-idea.md');
  });
});

describe('setPrNumberEdits', () => {
  const REPO = 'modelcontextprotocol/modelcontextprotocol';
  const URL = `https://github.com/${REPO}/pull/1850`;

  /** Numbers a draft and returns the result parsed under its new name. */
  function number(text: string, fileName = '0000-draft.md', n = '1850', repo = REPO): { text: string; doc: SepDocument } {
    const doc = parseSep(text, { fileName });
    const out = apply(text, setPrNumberEdits(doc, n, repo));
    return { text: out, doc: parseSep(out, { fileName: numberedFileName(fileName, n) }) };
  }

  function mismatches(doc: SepDocument): string[] {
    return lint(doc, { today: TODAY }).filter((f) => MISMATCH_RULES.includes(f.rule)).map((f) => `${f.rule}: ${f.message}`);
  }

  test('on a new SEP: numbers the title and fills in the PR field', () => {
    const { text, doc } = number(newSepText(input).text, '0000-streaming-tool-results.md');
    assert.equal(text.split('\n')[0], '# SEP-1850: Streaming Tool Results');
    assert.deepEqual(doc.header.fields.map((f) => f.key), ['status', 'type', 'created', 'authors', 'sponsor', 'pr']);
    assert.equal(field(doc, 'pr'), URL);
    assert.equal(text.split('\n')[7], `- **PR**: ${URL}`);
    assert.deepEqual(mismatches(doc), []);
    assert.deepEqual(lint(doc, { today: TODAY }).filter((f) => f.rule === 'field-pr-missing'), []);
  });

  test('on a new SEP without a sponsor: the "Next steps" comment keeps only the advice to find one', () => {
    const draft = newSepText(input).text;
    assert.match(draft, /Set PR Number/);
    const { text, doc } = number(draft, '0000-streaming-tool-results.md');
    assert.doesNotMatch(text, /Set PR Number|pull request adding this file/);
    const next = doc.comments.filter((c) => /Next steps/.test(c.text));
    assert.equal(next.length, 1);
    assert.match(next[0].text, /^<!-- Next steps: ask one or two maintainers .* sponsor .* -->$/);
    assert.equal(text.split('\n').length, draft.split('\n').length, 'the comment is replaced in place');
  });

  test('on a new SEP with a sponsor: the "Next steps" comment and the blank line before it go', () => {
    const draft = newSepText({ ...input, sponsor: '@sam' }).text;
    const { text } = number(draft, '0000-streaming-tool-results.md');
    const lines = draft.split('\n');
    const at = lines.findIndex((l) => l.startsWith('<!-- Next steps:'));
    const expected = [...lines.slice(0, at - 1), ...lines.slice(at + 1)].join('\n')
      .replace('SEP-0000', 'SEP-1850').replace('pull/{NUMBER}', 'pull/1850');
    assert.equal(text, expected);
  });

  test('a "Next steps" comment the author rewrote is left alone', () => {
    const draft = '# SEP-0000: X\n\n- **Sponsor**: @sam\n- **PR**: TBD\n\n<!-- Next steps: ask Sam about caching -->\n\n## Abstract\n';
    assert.equal(number(draft).text, draft.replace('SEP-0000', 'SEP-1850').replace('TBD', URL));
  });

  test('replaces the template placeholders in the title and the PR field', () => {
    const draft = ['# SEP-{NUMBER}: Better Pagination', '', '- **Status**: Draft', '- **Type**: Standards Track',
      `- **PR**: https://github.com/${REPO}/pull/{NUMBER}`, '', '## Abstract', '', 'Pages.', ''].join('\n');
    const { text, doc } = number(draft);
    assert.equal(text, draft.replace('SEP-{NUMBER}', 'SEP-1850').replace('pull/{NUMBER}', 'pull/1850'));
    assert.deepEqual(mismatches(doc), []);
  });

  test('rewrites a malformed title prefix and keeps the name as written', () => {
    assert.equal(number('# SEP 0000 - The *fancy* title\n\n- **PR**: #12\n').text, `# SEP-1850: The *fancy* title\n\n- **PR**: ${URL}\n`);
    assert.equal(number('# My Proposal\n\n- **Status**: Draft\n').text, `# SEP-1850: My Proposal\n\n- **Status**: Draft\n- **PR**: ${URL}\n`);
  });

  test('follows the header\'s shape and line endings when inserting the PR field', () => {
    const crlf = '# SEP-0000: X\r\n\r\n- **Status**: Draft\r\n- **Sponsor**: None\r\n- **Issue**: #3\r\n\r\n## Abstract\r\n';
    assert.equal(number(crlf).text, `# SEP-1850: X\r\n\r\n- **Status**: Draft\r\n- **Sponsor**: None\r\n- **PR**: ${URL}\r\n- **Issue**: #3\r\n\r\n## Abstract\r\n`);
    const table = '# SEP-0000: X\n\n| Field | Value |\n| --- | --- |\n| **Status** | Draft |\n| **Sponsor** | None |\n\n## Abstract\n';
    const numbered = number(table);
    assert.ok(numbered.text.includes(`| **Sponsor** | None |\n| **PR** | ${URL} |\n`), numbered.text);
    assert.equal(field(numbered.doc, 'pr'), URL);
    const none = number('# SEP-0000: X\n\n## Abstract\n');
    assert.equal(none.text, `# SEP-1850: X\n\n- **PR**: ${URL}\n\n## Abstract\n`);
    assert.equal(field(none.doc, 'pr'), URL);
    const prose = number('# SEP-0000: X\nSome words right under the title.\n');
    assert.equal(prose.text, `# SEP-1850: X\n\n- **PR**: ${URL}\n\nSome words right under the title.\n`);
    assert.equal(field(prose.doc, 'pr'), URL);
  });

  test('keeps every pull request of a PR field that names several', () => {
    const two = '# SEP-0000: X\n\n- **PR**: #12, #13 (follow-up)\n';
    assert.equal(number(two).text, `# SEP-1850: X\n\n- **PR**: ${URL}, #12, #13 (follow-up)\n`);
    const already = '# SEP-0000: X\n\n- **PR**: #1850, #1901\n';
    assert.equal(number(already).text, '# SEP-1850: X\n\n- **PR**: #1850, #1901\n');
    assert.deepEqual(mismatches(number(two).doc), []);
  });

  test('uses the configured repository', () => {
    const { doc } = number('# SEP-0000: X\n\n- **PR**: TBD\n', '0000-x.md', '7', 'acme/specs');
    assert.equal(field(doc, 'pr'), 'https://github.com/acme/specs/pull/7');
  });

  test('on generated drafts: numbered title, PR field pointing at the number, no mismatch left', () => {
    const titles = ['# SEP-0000: Name', '# SEP-{NUMBER}: Name', '# SEP 0000 - Name', '# Name', '# SEP-12: Name', 'SEP-0000: Name\n==='];
    const fields = ['- **Status**: Draft', '- **Type**: Process', '- **Created**: 2025-01-02', '- **Author(s)**: A (@a)',
      '- **Sponsor**: None', '- **PR**: TBD', '- **PR**: #77', '- **Issue**: #5'];
    fc.assert(fc.property(
      fc.constantFrom(...titles),
      fc.subarray(fields),
      fc.integer({ min: 1, max: 99999 }),
      fc.constantFrom('\n', '\r\n'),
      fc.constantFrom('0000-name.md', '12-name.md', 'name.md'),
      (title, header, n, eol, fileName) => {
        const text = [title, '', ...header.filter((f, i, all) => !f.startsWith('- **PR**') || all.findIndex((g) => g.startsWith('- **PR**')) === i),
          '', '## Abstract', '', 'Words.', ''].join(eol);
        const { doc } = number(text, fileName, String(n));
        assert.equal(doc.title?.number, String(n));
        assert.equal(doc.title?.name, 'Name');
        assert.equal(field(doc, 'pr'), `https://github.com/${REPO}/pull/${n}`);
        assert.equal(doc.eol, eol);
        assert.deepEqual(mismatches(doc), []);
        assert.equal(doc.headings.filter((h) => h.text === 'Abstract').length, 1);
      },
    ), { numRuns: 150 });
  });

  test('on every reference SEP: only the title and PR lines change, and no number mismatch is left', (t) => {
    const ref = reference(t);
    if (!ref) return;
    const files = readdirSync(join(ref, 'seps')).filter((f) => /^\d+-.*\.md$/.test(f));
    assert.ok(files.length >= 40, `expected the reference SEPs, found ${files.length}`);
    for (const file of files) {
      const before = readFileSync(join(ref, 'seps', file), 'utf8');
      const { text, doc } = number(before, file, '4242');
      assert.equal(doc.title?.number, '4242', file);
      assert.equal(field(doc, 'pr'), `https://github.com/${REPO}/pull/4242`, file);
      assert.deepEqual(mismatches(doc), [], file);
      const was = before.split(/\r?\n/);
      const now = text.split(/\r?\n/);
      const removed = was.filter((l) => !now.includes(l));
      const added = now.filter((l) => !was.includes(l));
      assert.ok(removed.length <= 2 && added.length <= 2, `${file}: -${JSON.stringify(removed)} +${JSON.stringify(added)}`);
      for (const l of added) assert.ok(/SEP-4242: |\/pull\/4242/.test(l), `${file}: unexpected line ${l}`);
    }
  });
});
