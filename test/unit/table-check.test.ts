/**
 * The parser leaves out GFM's table construct for slices with no line that could be a delimiter row
 * (`mayHoldTable`, server/src/sep/markdown.ts). These tests check the pre-check on every form a delimiter row takes,
 * and that a parse without the construct gives the tree the parse with it gives: on every section of every reference
 * SEP, and on mutations of them that put table characters at line ends.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayHoldTable, parseSlice, parseSliceWithTables } from '../../server/src/sep/markdown';
import { prng } from '../support/prng';
import { referenceMarkdown } from '../support/reference';

/** Every way a delimiter row can be written, in and out of containers, with each line ending and none. */
const ROWS = ['| --- | --- |', '---|---', '|-|', ':-:|', '| :--- | ---: |', '-|', '|\t-\t|', '| -- |  ', '|---|---'];
const PREFIXES = ['', '   ', '> ', '>> ', '- ', '1. ', '  - > ', '\t'];
const ENDINGS = ['\n', '\r\n', '\r', ''];

test('every delimiter row is seen, whatever its container and line ending', () => {
  for (const row of ROWS) {
    for (const prefix of PREFIXES) {
      for (const end of ENDINGS) {
        const text = `Some text.\n| a | b |\n${prefix}${row}${end}`;
        assert.ok(mayHoldTable(text), JSON.stringify(text));
      }
    }
  }
  // A row GitHub draws as a table, through the parser that only takes the construct when the check says so.
  const table = parseSlice('| a | b |\n| --- | :-: |\n| 1 | 2 |\n');
  assert.equal(table.children[0].type, 'table');
  const quoted = parseSlice('> | a | b |\r\n> |---|---|\r\n');
  assert.equal(quoted.children[0].type, 'blockquote');
  assert.equal((quoted.children[0] as { children: { type: string }[] }).children[0].type, 'table');
});

test('prose with hyphens, colons and pipes inside its lines needs no table construct', () => {
  for (const text of [
    'A well-known, so-called "pre-existing" item: see a|b.\n',
    '- a list item\n- another\n  - nested\n',
    '| a | b |\n| no delimiter row | here |\n',
    'Time: 10:30 - 11:00 today\n',
    '`--flag` and `-x` options, key: value\n',
    '',
  ]) {
    assert.ok(!mayHoldTable(text), JSON.stringify(text));
  }
  // Each character is read once: a long line of hyphens that ends in a letter is cleared as quickly as one that ends.
  assert.ok(!mayHoldTable(`${'- '.repeat(200_000)}x`));
  assert.ok(mayHoldTable(`${'- '.repeat(200_000)}`));
});

/** The document's text cut at every `## ` heading, and whole: the slices the chunker and a whole parse see. */
function slices(text: string): string[] {
  const cuts = [0];
  for (let at = text.indexOf('\n## '); at !== -1; at = text.indexOf('\n## ', at + 1)) cuts.push(at + 1);
  cuts.push(text.length);
  return [text, ...cuts.slice(1).map((end, i) => text.slice(cuts[i], end))];
}

/** Fragments that make, unmake or nearly make a table; inserted at line ends and starts. */
const FRAGMENTS = ['|', ' | ', '-', ' -', ':', '|-', '-|', ':-', '\n|---|\n', '\n| a | b |\n', '\n\n', '\n', '> ', '- ', '\\|', '`|`'];

test('without the table construct a parse gives the same tree: every section of every reference SEP, and mutations', (t) => {
  const seps = referenceMarkdown(t);
  if (!seps) return;
  const random = prng(Number(process.env.SEP_FUZZ_SEED ?? 0x7ab1e));
  let cleared = 0;
  let compared = 0;
  const compare = (text: string, what: string) => {
    compared++;
    if (!mayHoldTable(text)) cleared++;
    assert.deepEqual(parseSlice(text), parseSliceWithTables(text), what);
  };
  for (const { fileName: file, text } of seps) {
    for (const [i, slice] of slices(text).entries()) compare(slice, `${file}, slice ${i}`);
    // Mutations: fragments at the ends and starts of random lines, on a few sections of the SEP.
    const sections = slices(text).slice(1);
    for (let m = 0; m < 6; m++) {
      let slice = sections[Math.floor(random() * sections.length)];
      for (let k = 0; k < 4; k++) {
        const lineEnd = slice.indexOf('\n', Math.floor(random() * slice.length));
        const at = lineEnd === -1 ? slice.length : random() < 0.5 ? lineEnd : slice.lastIndexOf('\n', lineEnd - 1) + 1;
        slice = slice.slice(0, at) + FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] + slice.slice(at);
      }
      compare(slice, `${file}, mutation ${m}: ${JSON.stringify(slice.slice(0, 200))}`);
    }
  }
  // The comparison means something only if many slices went without the construct, and some with it.
  assert.ok(cleared > compared / 3, `${cleared} of ${compared} slices cleared`);
  assert.ok(cleared < compared, 'no slice needed the table construct');
});
