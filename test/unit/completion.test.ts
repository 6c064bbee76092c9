import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSep } from '../../server/src/sep';
import { completeAt } from '../../server/src/sep/completion';
import { STATUSES, TYPES } from '../../common/vocabulary';
import type { WorkspaceIndex } from '../../server/src/sep/workspace';

const WS: WorkspaceIndex = {
  seps: [
    { number: '77', title: 'Weather alerts', status: 'Draft', fileName: '77-weather-alerts.md', location: 'file:///ws/seps/77-weather-alerts.md' },
    { number: '12', title: 'Tide tables', status: 'Final', fileName: '12-tide-tables.md', location: 'file:///ws/seps/12-tide-tables.md' },
  ],
  maintainers: [
    { name: 'Pat Example', handle: 'pat-example', group: 'Core Maintainers' },
    { name: 'Sam Sample', handle: 'samsample', group: 'Lead Maintainers' },
  ],
};

/** Completes at the `|` in `text`. */
function complete(textWithCursor: string, workspace: WorkspaceIndex | undefined = WS) {
  const at = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, at) + textWithCursor.slice(at + 1);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  const linePrefix = before.slice(before.lastIndexOf('\n') + 1);
  const position = { line, character: linePrefix.length };
  return completeAt(parseSep(text, { fileName: '0000-x.md' }), { linePrefix, position, today: '2026-03-04', workspace });
}

const doc = (header: string, rest = '## Abstract\n\nA.\n') => `# SEP-0000: Weather\n\n${header}\n\n${rest}`;

test('field names on a new header bullet: the missing ones, canonical order', () => {
  const items = complete(doc('- **Status**: Draft\n- |'));
  assert.deepEqual(items.slice(0, 5).map((i) => i.label), ['Type', 'Created', 'Accepted', 'Author(s)', 'Sponsor']);
  assert.ok(!items.some((i) => i.label === 'Status'));
  const type = items[0];
  assert.equal(type.insertText, '**Type**: ');
  assert.deepEqual(type.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } });
  assert.match(type.documentation ?? '', /Standards Track/);
});

test('a partly typed bold field name is replaced', () => {
  const items = complete(doc('- **Status**: Draft\n- **Ty|'));
  assert.deepEqual(items[0].range, { start: { line: 3, character: 2 }, end: { line: 3, character: 6 } });
});

test('Status and Type values with their meaning', () => {
  const status = complete(doc('- **Status**: |'));
  assert.deepEqual(status.map((i) => i.label), STATUSES.map((s) => s.value));
  assert.equal(status[1].documentation, STATUSES[1].description);
  const type = complete(doc('- **Status**: Draft\n- **Type**: Sta|'));
  assert.deepEqual(type.map((i) => i.label), TYPES.map((t) => t.value));
  assert.deepEqual(type[0].range, { start: { line: 3, character: 12 }, end: { line: 3, character: 15 } });
});

test('Created offers today', () => {
  assert.deepEqual(complete(doc('- **Created**: |')).map((i) => i.insertText), ['2026-03-04']);
});

test('Sponsor offers the maintainers of MAINTAINERS.md, then None', () => {
  const items = complete(doc('- **Sponsor**: @|'));
  assert.deepEqual(items.map((i) => i.label), ['@pat-example', '@samsample', 'None']);
  assert.equal(items[0].detail, 'Pat Example');
  assert.deepEqual(complete(doc('- **Sponsor**: |'), { seps: [], maintainers: [] }).map((i) => i.label), ['None']);
});

test('after "## " the sections still missing, in canonical order', () => {
  const items = complete(doc('- **Status**: Draft', '## Abstract\n\nA.\n\n## Rationale\n\nR.\n\n## |\n'));
  assert.deepEqual(items.map((i) => i.label), ['Motivation', 'Specification', 'Backward Compatibility', 'Security Implications', 'Reference Implementation']);
  assert.ok(items.every((i, k) => k === 0 || items[k - 1].sortText < i.sortText));
});

test('after "SEP-" the workspace SEPs with their titles, by number', () => {
  const items = complete(doc('- **Status**: Draft', '## Abstract\n\nBuilds on SEP-|\n'));
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [['SEP-12', 'Tide tables'], ['SEP-77', 'Weather alerts']]);
  assert.deepEqual(items[0].range, { start: { line: 6, character: 10 }, end: { line: 6, character: 14 } });
  assert.deepEqual(complete(doc('', '## Abstract\n\nSEP-|\n'), { seps: [], maintainers: [] }), []);
});

test('no header completion in the body', () => {
  assert.deepEqual(complete(doc('- **Status**: Draft', '## Abstract\n\n- |\n')), []);
  assert.deepEqual(complete(doc('- **Status**: Draft', '## Abstract\n\n- **Status**: |\n')), []);
});
