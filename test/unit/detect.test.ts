/** Which Markdown files are SEPs (isSepFile), and what a header written as front matter or in a code block is told. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSepFile, lint, parseSep } from '../../server/src/sep';
import { referenceMarkdown } from '../support/reference';

test('in seps/: numbered files are SEPs; README, TEMPLATE, CHANGELOG and companion files are not', () => {
  const sep = '# SEP-3182: Idempotency\n\n- **Status**: Draft\n';
  const faq = '# Idempotency: frequently asked questions\n\nWhy keys expire.\n';
  assert.equal(isSepFile('/repo/seps/3182-idempotency.md', faq), true, 'a numbered name is enough');
  assert.equal(isSepFile('/repo/seps/0000-idempotency.md', ''), true, 'a fresh draft, even empty');
  assert.equal(isSepFile('/repo/seps/sep-3182-idempotency-faq.md', faq), false);
  assert.equal(isSepFile('/repo/seps/idempotency-notes.md', faq), false);
  assert.equal(isSepFile('/repo/seps/draft-idempotency.md', sep), true, 'a SEP- title makes it one');
  for (const name of ['README.md', 'TEMPLATE.md', 'CHANGELOG.md', 'changelog.md']) {
    assert.equal(isSepFile(`/repo/seps/${name}`, sep), false, name);
  }
  assert.equal(isSepFile('/repo/docs/notes.md', sep), true, 'anywhere, a SEP- first heading');
  assert.equal(isSepFile('/repo/docs/notes.md', faq), false);
  assert.equal(isSepFile('/repo/seps/3182-idempotency.txt', sep), false);
});

test('over the reference seps/ folder, every numbered file is a SEP and README/TEMPLATE are not', (t) => {
  const files = referenceMarkdown(t);
  if (!files) return;
  for (const { fileName: name, text } of files) {
    const expected = /^\d+-/.test(name);
    assert.equal(isSepFile(`/repo/seps/${name}`, text), expected, name);
  }
});

const BODY = '\n## Abstract\n\nLanterns agree on a colour.\n';

test('a header in YAML front matter or in a code block is named as such, with the form to use', () => {
  const yaml = ['---', 'status: Draft', 'type: Standards Track', 'created: 2026-03-14', '---', '', '# SEP-5150: Lantern Negotiation', BODY].join('\n');
  const fenced = ['# SEP-5150: Lantern Negotiation', '', '```', 'Status: Draft', 'Type: Standards Track', '```', BODY].join('\n');
  for (const [text, where, line] of [[yaml, /YAML front matter/, 0], [fenced, /a code block/, 2]] as const) {
    const found = lint(parseSep(text, { fileName: '5150-lantern-negotiation.md' }), { today: '2026-11-25' }).filter((f) => f.rule === 'header-missing');
    assert.equal(found.length, 1);
    assert.match(found[0].message, where);
    assert.match(found[0].message, /- \*\*Status\*\*: Draft/);
    assert.equal(found[0].range.start.line, line);
    assert.doesNotMatch(found[0].message, /has no header/);
  }
  const plainCode = ['# SEP-5150: Lantern Negotiation', '', '```json', '{ "a": 1 }', '```', BODY].join('\n');
  const found = lint(parseSep(plainCode, { fileName: '5150-lantern-negotiation.md' }), { today: '2026-11-25' }).filter((f) => f.rule === 'header-missing');
  assert.match(found[0].message, /has no header/);
});
