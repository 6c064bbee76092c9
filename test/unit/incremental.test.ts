import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IncrementalMarkdownParser, lint, parseSep } from '../../server/src/sep';
import { parseMarkdown, parseSlice } from '../../server/src/sep/markdown';
import { findingData } from '../support/findings';
import { prng } from '../support/prng';

/**
 * The server re-parses only the chunk of a document that changed. These tests
 * type and delete at random over every reference SEP and check, after each
 * edit, that the incremental path gives exactly what a parse from scratch gives:
 * the same findings and the same document model.
 */

const SEPS = join(__dirname, '..', '..', '..', 'shared', 'reference', 'seps');
const TODAY = '2026-01-15';
/** Set SEP_FUZZ_SEED to replay a failure; the default keeps runs reproducible. */
const SEED = Number(process.env.SEP_FUZZ_SEED ?? 0x5e9);
const EDITS_PER_FILE = Number(process.env.SEP_FUZZ_EDITS ?? 12);
/** A parse from scratch costs ~40 ms on a large SEP: compare on every other edit (and the last); the incremental parser still sees every edit. */
const CHECK_EVERY = Number(process.env.SEP_FUZZ_CHECK_EVERY ?? 2);

/** Fragments that move chunk boundaries or hide headings: the cases the chunker must get right. */
const TRICKY = [
  '\n', '\n\n', '#', '\n## New section\n', '\n# Top\n', '\n### Deep\n', '```', '\n```\n', '~~~\n', '\n    ',
  '<!--', '-->', '\n<!-- note -->\n', '<pre>', '</pre>', '\n---\n', '\n===\n', '[', ']', '[ref]: https://example.com\n',
  '[ref]', '|', '\n| a | b |\n|---|---|\n', '> ', '- ', '1. ', '*', '`', '<', '\r\n', 'SEP-1234 ', '\t', ' ',
  '\n\n- item\n', '\n\n2) item\n', '\n\nParagraph\n', '\n\n    indented\n', '\n\n> quote\n', '<?php', '?>', '<!DOCTYPE',
  '>', ']]>', '\n\n<div>\n', '\n\n', '\n\n---\n', '\n===\n', '[^1]', '\n\n*', '\n\n+ ',
];

/** Block constructs that hide the headings inside them, opened and closed around a span of lines. */
const WRAPS: [string, string][] = [
  ['<!--\n', '-->\n'], ['```\n', '```\n'], ['~~~~ text\n', '~~~~\n'], ['<pre>\n', '</pre>\n'], ['<script>\n', '</script>\n'],
  ['<!-- ', ' -->'], ['> ', ''], ['- ', ''], ['<?x\n', '?>\n'], ['<![CDATA[\n', ']]>\n'], ['<!X\n', '>\n'], ['- a\n\n', '\n- b\n'],
];

interface Edit {
  offset: number;
  remove: number;
  insert: string;
}

function randomEdit(text: string, rand: () => number, last: Edit | undefined): Edit {
  const roll = rand();
  if (last && roll < 0.35) {
    // Keep typing where the previous edit ended, like a person does.
    const offset = Math.min(text.length, last.offset + last.insert.length);
    return { offset, remove: 0, insert: 'abcdefghij klmnop'.charAt(Math.floor(rand() * 17)) };
  }
  const offset = Math.floor(rand() * (text.length + 1));
  if (roll < 0.65) return { offset, remove: 0, insert: TRICKY[Math.floor(rand() * TRICKY.length)] };
  if (roll < 0.8) return { offset, remove: Math.min(text.length - offset, 1 + Math.floor(rand() * 40)), insert: '' };
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (roll < 0.92) {
    // Wrap the next few lines (often a heading among them) in a block construct.
    let end = lineStart;
    for (let n = 1 + Math.floor(rand() * 12); n > 0 && end < text.length; n--) {
      const nl = text.indexOf('\n', end);
      end = nl === -1 ? text.length : nl + 1;
    }
    const [open, close] = WRAPS[Math.floor(rand() * WRAPS.length)];
    return { offset: lineStart, remove: end - lineStart, insert: open + text.slice(lineStart, end) + close };
  }
  // Duplicate a line: repeats a chunk's text, which the chunk cache keys on.
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd + 1);
  return { offset: lineStart, remove: line.length, insert: line.length ? `${line}${line}` : '\n' };
}

/** Edits for a failure message, long insertions cut short. */
function describe(edits: Edit[]): string {
  return JSON.stringify(edits.map((e) => ({ ...e, insert: e.insert.length > 40 ? `${e.insert.slice(0, 40)}…` : e.insert })));
}

function apply(text: string, e: Edit): string {
  return text.slice(0, e.offset) + e.insert + text.slice(e.offset + e.remove);
}

/** Every reference SEP (SEP_FUZZ_FILE narrows a replay to one); the seed of each comes from its place in this list. */
function seps(): string[] {
  return readdirSync(SEPS).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
}

/** Runs one random edit sequence over a file; returns how many states were compared. */
function fuzzFile(file: string, seed: number): number {
  const fileName = file;
  let text = readFileSync(join(SEPS, file), 'utf8');
  const parser = new IncrementalMarkdownParser();
  const rand = prng(seed);
  let last: Edit | undefined;
  const history: Edit[] = [];
  let compared = 0;
  for (let step = 0; step <= EDITS_PER_FILE; step++) {
    if (step > 0) {
      last = randomEdit(text, rand, last);
      history.push(last);
      text = apply(text, last);
    }
    const incremental = parseSep(text, { fileName, parser });
    if (step % CHECK_EVERY !== 0 && step !== EDITS_PER_FILE) continue;
    const full = parseSep(text, { fileName });
    const where = () =>
      `${file}, seed ${seed}, after edit ${step}: ${describe(history.slice(-3))} (replay with SEP_FUZZ_SEED=${SEED} SEP_FUZZ_FILE=${file})`;
    assert.deepStrictEqual(findingData(lint(incremental, { today: TODAY })), findingData(lint(full, { today: TODAY })), `findings differ: ${where()}`);
    assert.deepStrictEqual(incremental, full, `document models differ: ${where()}`);
    compared++;
  }
  return compared;
}

test('incremental and full validation agree on random edit sequences over every reference SEP', (t) => {
  if (!existsSync(SEPS)) {
    if (process.env.CI === 'true') assert.fail(`reference SEPs not found at ${SEPS}`);
    t.skip(`reference SEPs not found at ${SEPS}`);
    return;
  }
  const files = seps();
  assert.ok(files.length > 0, `no SEPs in ${SEPS}`);
  let checked = 0;
  files.forEach((file, i) => {
    if (!process.env.SEP_FUZZ_FILE || process.env.SEP_FUZZ_FILE === file) checked += fuzzFile(file, SEED + i);
  });
  t.diagnostic(`${checked} states compared after ${EDITS_PER_FILE} edits each over ${files.length} SEPs, seed ${SEED}`);
});

test('the incremental parser reuses nothing stale when a heading is typed, then removed', () => {
  // An inline document of our own: the heading splits one chunk into two and back.
  const base = '# SEP-1: Example\n\n## Abstract\n\nShort.\n\n## Motivation\n\nBecause.\n';
  const parser = new IncrementalMarkdownParser();
  const at = base.indexOf('Because.');
  const steps = [base, base.slice(0, at) + '## Rationale\n' + base.slice(at), base];
  for (const text of steps) {
    assert.deepStrictEqual(parseSep(text, { parser }), parseSep(text));
  }
});

test('link and footnote definitions reach across chunks, and a keystroke still re-parses one chunk', () => {
  // Our own document: references in early sections, their definitions further down (one in a list, one in a quote).
  const base = [
    '# SEP-1: Example', '', '## Abstract', '', 'See [the spec][spec], [Spec] and a note[^n].', '',
    '## Motivation', '', 'Because [nested] and [quoted] say so; [undefined] stays text.', '',
    '## Specification', '', '- item', '', '  [nested]: https://example.com/nested', '',
    '> [quoted]: https://example.com/quoted', '',
    '## References', '', '[spec]: https://example.com/spec "The spec"', '', '[^n]: The note.', '',
  ].join('\n');
  const sizes: number[] = [];
  const parser = new IncrementalMarkdownParser((t) => (sizes.push(t.length), parseSlice(t)));
  const steps: string[] = [base];
  const at = base.indexOf('Because');
  steps.push(base.slice(0, at) + 'x' + base.slice(at));
  // Removing a definition turns its references back into text everywhere; restoring it turns them back.
  steps.push(steps[1].replace('[spec]: https://example.com/spec "The spec"', 'no definition here'));
  steps.push(steps[1]);
  // A fence left open at the end swallows what follows it: the document is then parsed whole.
  steps.push(`${steps[1]}\n\`\`\`\n[late]: https://example.com\n`);
  // The incremental parser keeps offsets right, not lines and columns (consumers map offsets with a line index).
  const offsetsOnly = (root: ReturnType<typeof parseMarkdown>) => JSON.parse(JSON.stringify(root, (k, v: unknown) => (k === 'line' || k === 'column' ? undefined : v)));
  for (const [i, text] of steps.entries()) {
    sizes.length = 0;
    assert.deepStrictEqual(offsetsOnly(parser.parse(text)), offsetsOnly(parseMarkdown(text)), `step ${i}`);
    assert.deepStrictEqual(parseSep(text, { parser: new IncrementalMarkdownParser() }), parseSep(text), `step ${i}: model`);
    if (i === 1) assert.ok(sizes.length === 1 && sizes[0] < text.length / 2, `one keystroke re-parsed ${JSON.stringify(sizes)} of ${text.length} characters`);
  }
  const refs = (root: ReturnType<typeof parseMarkdown>) => JSON.stringify(root).match(/"type":"(?:linkReference|footnoteReference)"/g)?.length ?? 0;
  assert.equal(refs(parser.parse(steps[1])), 5, 'spec, Spec, nested, quoted and the footnote are references');
});
