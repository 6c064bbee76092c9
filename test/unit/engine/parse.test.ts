import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSep } from '../../../server/src/sep/parse';
import type { Range } from '../../../server/src/sep/types';

const r = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

const BASIC = [
  '# SEP-1234: Better Widgets',
  '',
  '- **Status**: Draft',
  '- **Type**: Standards Track',
  '- **Created**: 2026-01-02',
  '- **Author(s)**: Jo Smith <jo@example.org> (@jo),',
  '  Al Baker (@al)',
  '- **Sponsor**: None',
  '- **PR**: #1234',
  '',
  '## Abstract',
  '',
  'Widgets get better.',
  '',
  '## Motivation',
  '',
  'Because.',
  '',
].join('\n');

test('title: number, name and their ranges', () => {
  const doc = parseSep(BASIC);
  assert.equal(doc.title?.form, 'ok');
  assert.equal(doc.title?.number, '1234');
  assert.equal(doc.title?.name, 'Better Widgets');
  assert.deepEqual(doc.title?.numberRange, r(0, 6, 0, 10));
  assert.deepEqual(doc.title?.nameRange, r(0, 12, 0, 26));
  assert.deepEqual(doc.title?.range, r(0, 0, 0, 26));
});

test('header bullets: names, values, ranges and continuation lines', () => {
  const doc = parseSep(BASIC);
  assert.equal(doc.header.style, 'bullets');
  assert.deepEqual(doc.header.fields.map((f) => f.key), ['status', 'type', 'created', 'authors', 'sponsor', 'pr']);
  const status = doc.header.fields[0];
  assert.equal(status.name, 'Status');
  assert.equal(status.value, 'Draft');
  assert.deepEqual(status.nameRange, r(2, 4, 2, 10));
  assert.deepEqual(status.valueRange, r(2, 14, 2, 19));
  const authors = doc.header.fields[3];
  assert.equal(authors.value, 'Jo Smith <jo@example.org> (@jo), Al Baker (@al)');
  assert.equal(authors.continuationLines, 1);
  assert.deepEqual(authors.range.end, { line: 6, character: 16 });
});

test('sections: heading text, body range and word count', () => {
  const doc = parseSep(BASIC);
  const abstract = doc.sections.find((s) => s.heading.text === 'Abstract')!;
  assert.equal(abstract.heading.depth, 2);
  assert.deepEqual(abstract.heading.range, r(10, 0, 10, 11));
  assert.deepEqual(abstract.bodyRange, r(11, 0, 14, 0));
  assert.equal(abstract.wordCount, 3);
  assert.equal(abstract.hasContent, true);
  const motivation = doc.sections.find((s) => s.heading.text === 'Motivation')!;
  assert.deepEqual(motivation.bodyRange.end, { line: 17, character: 0 });
});

test('CRLF line endings keep the same positions and values', () => {
  const lf = parseSep(BASIC);
  const crlf = parseSep(BASIC.replace(/\n/g, '\r\n'));
  assert.equal(crlf.eol, '\r\n');
  assert.deepEqual(crlf.header.fields.map((f) => [f.value, f.valueRange]), lf.header.fields.map((f) => [f.value, f.valueRange]));
  assert.deepEqual(crlf.sections.map((s) => [s.heading.text, s.heading.range]), lf.sections.map((s) => [s.heading.text, s.heading.range]));
  assert.deepEqual(crlf.title, lf.title);
});

test('a BOM shifts nothing but the first line, by one column', () => {
  const doc = parseSep(`\uFEFF${BASIC}`);
  assert.equal(doc.title?.number, '1234');
  assert.deepEqual(doc.title?.numberRange, r(0, 7, 0, 11));
  assert.deepEqual(doc.header.fields[0].valueRange, r(2, 14, 2, 19));
});

test('front matter is skipped and recorded', () => {
  const doc = parseSep(`---\nlayout: sep\n---\n${BASIC}`);
  assert.deepEqual(doc.frontMatter, r(0, 0, 2, 3));
  assert.equal(doc.title?.number, '1234');
  assert.equal(doc.header.fields.length, 6);
});

test('headings inside code fences are not sections; HTML comments are recorded', () => {
  const text = ['# SEP-1: T', '', '## Abstract', '', '```md', '## Not A Section', '```', '', '<!-- sep-lint-disable field-order -->', '', '## Motivation', ''].join('\n');
  const doc = parseSep(text);
  assert.deepEqual(doc.sections.map((s) => s.heading.text), ['SEP-1: T', 'Abstract', 'Motivation']);
  assert.equal(doc.comments.length, 1);
  assert.deepEqual(doc.comments[0].range, r(8, 0, 8, 37));
  const abstract = doc.sections[1];
  assert.equal(abstract.wordCount, 0, 'code is not prose');
  assert.equal(abstract.hasContent, true, 'a code block is content');
});

test('setext and numbered headings', () => {
  // `1. Abstract` under a `---` line would be a list item and a rule, so setext and numbering are tried apart.
  const text = ['SEP-7: Setext Title', '===================', '', 'Abstract', '--------', '', 'Text.', '', '## 2. Motivation:', '', 'More.', ''].join('\n');
  const doc = parseSep(text);
  assert.equal(doc.title?.number, '7');
  assert.equal(doc.title?.name, 'Setext Title');
  const [, abstract, motivation] = doc.headings;
  assert.equal(abstract.setext, true);
  assert.equal(abstract.depth, 2);
  assert.equal(abstract.text, 'Abstract');
  assert.equal(abstract.numbering, undefined);
  assert.equal(motivation.text, 'Motivation');
  assert.equal(motivation.numbering, '2.');
  assert.equal(motivation.raw, '2. Motivation:');
});

test('malformed titles are classified, not rejected', () => {
  const form = (t: string) => parseSep(`# ${t}\n`).title?.form;
  assert.equal(form('SEP-12: Fine'), 'ok');
  assert.equal(form('SEP 12 - Spaced'), 'bad-separator');
  assert.equal(form('SEP-12 No Colon'), 'bad-separator');
  assert.equal(form('SEP: No Number'), 'no-number');
  assert.equal(form('SEP-12:'), 'no-name');
  assert.equal(form('Just A Title'), 'no-prefix');
  assert.equal(parseSep('# SEP-{NUMBER}: {Title}\n').title?.number, '{NUMBER}');
});

test('header as a table', () => {
  const text = ['# SEP-9: Tabled', '', '| Field | Value |', '| --- | --- |', '| **Status** | Draft |', '| Type | Process |', '| Created: | 2025-05-01 |', '', '## Abstract', ''].join('\n');
  const doc = parseSep(text);
  assert.equal(doc.header.style, 'table');
  assert.deepEqual(doc.header.fields.map((f) => [f.key, f.value]), [['status', 'Draft'], ['type', 'Process'], ['created', '2025-05-01']]);
  assert.deepEqual(doc.header.fields[0].nameRange, r(4, 4, 4, 10));
  assert.deepEqual(doc.header.fields[0].valueRange, r(4, 15, 4, 20));
});

test('issue-era header: Key: value lines under ## Preamble', () => {
  const text = ['# SEP-77: Old Style', '', '## Preamble', '', 'Title: Old Style', 'Author: Kim Lee (@kim)', 'Status: proposal', 'Type: Standards Track', 'Created: 2025-04-01', '', '## Abstract', '', 'Words.', ''].join('\n');
  const doc = parseSep(text);
  assert.equal(doc.header.style, 'preamble');
  assert.deepEqual(doc.header.fields.map((f) => f.name), ['Title', 'Author', 'Status', 'Type', 'Created'].filter((n) => n !== 'Title'));
  const status = doc.header.fields.find((f) => f.key === 'status')!;
  assert.equal(status.value, 'proposal');
  assert.deepEqual(status.valueRange, r(6, 8, 6, 16));
});

test('SEP-N mentions know whether they are linked', () => {
  const text = ['# SEP-5: X', '', '## Abstract', '', 'See SEP-12 and [SEP-13](./13-x.md), `SEP-14` in code.', ''].join('\n');
  const doc = parseSep(text);
  assert.deepEqual(doc.mentions.map((m) => [m.number, m.linked, m.range]), [
    ['12', false, r(4, 4, 4, 10)],
    ['13', true, r(4, 16, 4, 22)],
  ]);
});

test('an unclosed code fence is reported as a range', () => {
  const doc = parseSep('# SEP-1: T\n\n## Abstract\n\n```js\nlet x;\n## inside\n');
  assert.equal(doc.unclosedFences.length, 1);
  assert.equal(doc.unclosedFences[0].start.line, 4);
  assert.deepEqual(doc.sections.map((s) => s.heading.text), ['SEP-1: T', 'Abstract']);
});

test('bare URLs count as links, as GitHub renders them; a SEP-N inside one is linked', () => {
  const text = [
    '# SEP-5: X',
    '',
    '## Reference Implementation',
    '',
    'See https://github.com/example/sdk/pull/12. Also (www.example.org/a_(b)) and <https://example.com/c>.',
    'Tracking: https://example.com/issues/SEP-77 and SEP-78.',
    '',
  ].join('\n');
  const doc = parseSep(text);
  const section = doc.sections.find((s) => s.heading.text === 'Reference Implementation')!;
  assert.deepEqual(section.links, [
    'https://github.com/example/sdk/pull/12',
    'www.example.org/a_(b)',
    'https://example.com/c',
    'https://example.com/issues/SEP-77',
  ]);
  assert.deepEqual(doc.mentions.map((m) => [m.number, m.linked]), [['77', true], ['78', false]]);
});
