import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/sep/lint';
import { parseSep } from '../../../server/src/sep/parse';
import { IncrementalMarkdownParser } from '../../../server/src/sep/markdown';
import { findingData } from '../../support/findings';

/** Every input must give findings (possibly none), never an exception. */
function check(text: string, fileName = '0000-bad.md') {
  const full = lint(parseSep(text, { fileName }), { today: '2026-11-25' });
  const incremental = lint(parseSep(text, { fileName, parser: new IncrementalMarkdownParser() }), { today: '2026-11-25' });
  assert.deepEqual(findingData(incremental), findingData(full), 'incremental and whole parses agree');
  for (const f of full) {
    assert.ok(f.range.start.line >= 0 && f.range.end.line >= f.range.start.line, `${f.rule}: bad range`);
    assert.ok(f.message.length > 0);
  }
  return full;
}

test('empty file: the missing title is reported', () => {
  const found = check('');
  assert.ok(found.some((f) => f.rule === 'title-missing'));
});

test('binary bytes', () => {
  const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  check(bytes.toString('utf8'));
  check(bytes.toString('latin1'));
  check('\u0000\u0001\u0002# SEP-1: x\u0000\n');
});

test('5 MB of text', () => {
  const para = 'Lorem ipsum dolor sit amet, SEP-12 consectetur adipiscing elit. '.repeat(16) + '\n\n';
  let text = '# SEP-0000: Huge\n\n- **Status**: Draft\n\n## Abstract\n\n';
  while (text.length < 5 * 1024 * 1024) text += para;
  check(text);
});

test('only CRLF line breaks', () => {
  check('\r\n'.repeat(1000));
  check('\r'.repeat(100));
});

test('an unclosed code fence swallowing the rest', () => {
  const found = check('# SEP-1: T\n\n## Abstract\n\n```\n## Motivation\n\ntext\n');
  assert.ok(found.some((f) => f.rule === 'unclosed-code-fence'));
});

test('10,000 headings', () => {
  const lines = ['# SEP-1: Many'];
  for (let i = 0; i < 10_000; i++) lines.push(`${'#'.repeat((i % 5) + 2)} Heading ${i}`, '', 'text', '');
  check(lines.join('\n'));
});

test('deeply nested lists and quotes', () => {
  check('# SEP-1: T\n\n' + '> '.repeat(500) + 'deep\n\n' + Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n'));
});
