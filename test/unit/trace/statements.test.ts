import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IncrementalMarkdownParser, normativeStatements, parseSep } from '../../../server/src/sep';
import { doc } from '../rules/helpers';
import { fastestMs } from '../engine/hostile-inputs';

const statements = (body: string) => normativeStatements(parseSep(doc({ body }), { fileName: '5150-lanterns.md' }));
const texts = (body: string) => statements(body).map((s) => s.text);

test('statements: sentences with a capitalised keyword, split at sentence ends, plain text', () => {
  const body = '## Specification\n\nA lantern MUST glow. It is *bright*. Keepers SHOULD NOT dim it, e.g. at dusk. Lanterns MAY blink!\n';
  const found = statements(body);
  assert.deepEqual(found.map((s) => s.text), ['A lantern MUST glow.', 'Keepers SHOULD NOT dim it, e.g. at dusk.', 'Lanterns MAY blink!']);
  assert.deepEqual(found.map((s) => s.level), ['must', 'should', 'may']);
  assert.deepEqual(found.map((s) => s.keywords), [['MUST'], ['SHOULD NOT'], ['MAY']]);
  assert.deepEqual(found.map((s) => s.headingPath), [['Specification'], ['Specification'], ['Specification']]);
});

test('statements: ranges are the sentences in the document, across wrapped lines and markup', () => {
  const body = '## Specification\n\nIntro text. A lantern **MUST**\nglow `red` when lit. Then more.\n';
  const text = doc({ body });
  const [s] = normativeStatements(parseSep(text, { fileName: '5150-lanterns.md' }));
  const lines = text.split('\n');
  const line = lines.indexOf('Intro text. A lantern **MUST**');
  assert.deepEqual(s.range, { start: { line, character: 12 }, end: { line: line + 1, character: 20 } });
  assert.equal(s.text, 'A lantern MUST glow red when lit.');
});

test('statements: lower-case keywords, keywords in code and parts of identifiers are not normative', () => {
  assert.deepEqual(texts('## Specification\n\nServers must reply. Use `MUST` here. A REQUIRED_FIELD is set. Mustard SHOULDER.\n\n```\nClients MUST x\n```\n\n    Indented MUST code\n'), []);
});

test('statements: only the Specification section and its subsections, with the heading path', () => {
  const body = [
    '## Motivation', '', 'Servers MUST be kind.', '',
    '## Specification', '', 'Lanterns MUST glow.', '',
    '### Colours', '', '#### 2. Red', '', 'Red SHOULD be used.', '',
    '### Sizes', '', 'Small is OPTIONAL.', '',
    '## Rationale', '', 'Clients MUST not care.', '',
  ].join('\n');
  const found = statements(body);
  assert.deepEqual(found.map((s) => [s.text, s.headingPath]), [
    ['Lanterns MUST glow.', ['Specification']],
    ['Red SHOULD be used.', ['Specification', 'Colours', 'Red']],
    ['Small is OPTIONAL.', ['Specification', 'Sizes']],
  ]);
});

test('statements: list items, block quotes and table cells; a table cell is one statement', () => {
  const body = [
    '## Specification', '',
    '- Servers MUST answer. Clients MAY ask.', '- Nothing here.', '  1. Nested items SHALL count.', '',
    '> Quoted text is NOT RECOMMENDED.', '',
    '| Field | Rule |', '| --- | --- |', '| `id` | REQUIRED. Unique. It MUST be short. |', '',
  ].join('\n');
  const found = statements(body);
  assert.deepEqual(found.map((s) => [s.text, s.keywords]), [
    ['Servers MUST answer.', ['MUST']],
    ['Clients MAY ask.', ['MAY']],
    ['Nested items SHALL count.', ['SHALL']],
    ['Quoted text is NOT RECOMMENDED.', ['NOT RECOMMENDED']],
    ['REQUIRED. Unique. It MUST be short.', ['REQUIRED', 'MUST']],
  ]);
});

test('statements: the strongest keyword decides the level', () => {
  const [s] = statements('## Specification\n\nClients MAY retry and SHOULD wait, but MUST NOT flood.\n');
  assert.equal(s.level, 'must');
  assert.deepEqual(s.keywords, ['MAY', 'SHOULD', 'MUST NOT']);
});

test('statements: a SEP without a Specification section has none; a misplaced one still counts', () => {
  assert.deepEqual(texts('## Abstract\n\nServers MUST glow.\n'), []);
  assert.deepEqual(texts('### Specification\n\nServers MUST glow.\n'), ['Servers MUST glow.']);
});

test('statements: escapes and entities keep ranges on the written sentence', () => {
  const body = '## Specification\n\nFirst one. Servers &amp; clients MUST \\*not\\* fail.\n';
  const text = doc({ body });
  const [s] = normativeStatements(parseSep(text, { fileName: '5150-lanterns.md' }));
  const line = text.split('\n').findIndex((l) => l.startsWith('First one.'));
  const written = text.split('\n')[line];
  assert.equal(s.text, 'Servers & clients MUST *not* fail.');
  assert.deepEqual(s.range, { start: { line, character: written.indexOf('Servers') }, end: { line, character: written.length } });
});

test('statements: linear on long and deeply nested input', () => {
  const time = (n: number) => {
    const long = '## Specification\n\n' + 'Servers MUST x. e.g. '.repeat(n) + '\n\n' + '> '.repeat(n / 10) + 'Deep MUST.\n' + '| a |\n| - |\n' + '| MUST |\n'.repeat(n / 10);
    return fastestMs(() => statements(long), 3);
  };
  const small = time(2000);
  const large = time(16000);
  assert.ok(large < Math.max(small, 20) * 16, `2000 → 16000 units: ${small.toFixed(1)} → ${large.toFixed(1)} ms`);
  assert.ok(statements('## Specification\n\n' + 'Servers MUST x. '.repeat(5000)).length === 5000);
});

test('statements of an edited SEP: the document\'s own parser of the Specification gives what a fresh parse gives', (t) => {
  const seps = join(__dirname, '..', '..', '..', '..', 'shared', 'reference', 'seps');
  if (!existsSync(seps)) {
    if (process.env.CI === 'true') assert.fail(`reference SEPs not found at ${seps}`);
    t.skip(`reference SEPs not found at ${seps}`);
    return;
  }
  let compared = 0;
  for (const file of readdirSync(seps).filter((f) => /^\d+-.*\.md$/.test(f))) {
    let text = readFileSync(join(seps, file), 'utf8');
    const at = text.indexOf('## Specification');
    if (at === -1) continue;
    const parser = new IncrementalMarkdownParser();
    // Type into the Specification, split a paragraph, and add a MUST, checking the statements after each edit.
    const edits = [' typed', '\n\nServers MUST reply.', 'x'];
    let offset = text.indexOf('\n\n', at + 20) + 2;
    for (const insert of edits) {
      text = text.slice(0, offset) + insert + text.slice(offset);
      offset += insert.length;
      assert.deepEqual(normativeStatements(parseSep(text, { fileName: file, parser })), normativeStatements(parseSep(text, { fileName: file })), `${file} after "${insert}"`);
      compared++;
    }
  }
  assert.ok(compared > 30, `${compared} states compared`);
});
