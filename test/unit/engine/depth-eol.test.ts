import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/sep/lint';
import { parseSep } from '../../../server/src/sep/parse';
import { fixAll } from '../../../server/src/sep/fixes';
import { lineStarts } from '../../../server/src/sep/text';
import type { Range } from '../../../server/src/sep/types';
import { referenceSeps } from '../fixes/corpus';

const TODAY = '2026-11-25';
const HEAD = '# SEP-42: Deep\n\n- **Status**: Draft\n- **Type**: Standards Track\n\n## Abstract\n\n';

for (const [name, unit] of [['block quotes', '> '], ['list items', '- '], ['ordered items', '1. '], ['quotes in lists', '> - ']]) {
  test(`100,000 nested ${name} still get their diagnostics`, () => {
    const text = `${HEAD}${unit.repeat(100_000)}deep\n\n## Motivation\n\nThe TODO.\n`;
    const doc = parseSep(text, { fileName: '0042-deep.md' });
    const found = lint(doc, { today: TODAY });
    assert.ok(found.some((f) => f.rule === 'section-missing'), 'the usual findings are there');
    assert.ok(doc.headings.some((h) => h.text === 'Motivation'), 'the document goes on after the deep block');
  });
}

/** Whether a range lies inside a text with these line starts (LSP lines: `\r\n`, `\n` and `\r`). */
function inside(starts: number[], text: string, r: Range): boolean {
  const ok = (p: Range['start']) => {
    if (p.line < 0 || p.line >= starts.length) return false;
    const end = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
    return p.character >= 0 && starts[p.line] + p.character <= end;
  };
  return ok(r.start) && ok(r.end);
}

test('a CR-only SEP: ranges inside the document, no false duplicates, fix-all converges in one run', (t) => {
  const seps = referenceSeps(t);
  if (!seps) return;
  for (const { fileName, text: original } of seps) {
    const text = original.replace(/\r\n|\n/g, '\r');
    const starts = lineStarts(text);
    const doc = parseSep(text, { fileName });
    assert.equal(doc.eol, '\r', fileName);
    assert.equal(doc.lineCount, parseSep(original, { fileName }).lineCount, `${fileName}: as many lines as with \\n`);
    const found = lint(doc, { today: TODAY });
    for (const f of found) assert.ok(inside(starts, text, f.range), `${fileName}: ${f.rule} at ${JSON.stringify(f.range)} is inside`);
    const asLf = lint(parseSep(original.replace(/\r\n/g, '\n'), { fileName }), { today: TODAY });
    assert.deepEqual(found.map((f) => f.rule), asLf.map((f) => f.rule), `${fileName}: same findings as with \\n`);
    const once = fixAll(text, { fileName, today: TODAY });
    assert.ok(!/\n/.test(once.text), `${fileName}: fixes keep the CR line ending`);
    const twice = fixAll(once.text, { fileName, today: TODAY });
    assert.equal(twice.text, once.text, `${fileName}: a second fix-all changes nothing`);
  }
});

test('line starts: \\n, \\r\\n and a lone \\r each end a line, with or without a \\r anywhere in the text', () => {
  // The definition: each line as the LSP splits them, and the break after it.
  const byDefinition = (text: string) => {
    const starts = [0];
    for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
    return starts;
  };
  for (const text of ['', 'a', '\n', 'a\nb\n', '\n\n\nx', 'a\r\nb', 'a\rb\nc\r\n', '\r', '\r\n\r\n', 'x\n'.repeat(1000)]) {
    assert.deepEqual(lineStarts(text), byDefinition(text), JSON.stringify(text.slice(0, 20)));
  }
});
