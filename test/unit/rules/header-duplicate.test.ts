import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll } from '../../../server/src/sep/fixes';
import { lint } from '../../../server/src/sep/lint';
import { parseSep } from '../../../server/src/sep/parse';
import { GOOD_FILE, TODAY, none, one, range } from './helpers';

const LIST = [
  '- **Type**: Standards Track',
  '- **Status**: Accepted',
  '- **Created**: 2026-03-14',
  '- **Author(s)**: Grace Sample (@grace-sample)',
  '- **Sponsor**: @kind-maintainer',
  '- **PR**: #5150',
];
const TABLE = [
  '| Field | Value |',
  '| ----- | ----- |',
  '| **PR** | https://github.com/modelcontextprotocol/modelcontextprotocol/pull/5150 |',
  '| **Status** | Draft |',
  '| **Created** | 2026-03-13 |',
  '| **Prototype** | https://example.test/p/1 |',
];

/** A SEP whose header is given as a bullet list and again as a table, both out of template order. */
function twice(): string {
  return ['# SEP-5150: Lantern Negotiation', '', ...LIST, '', ...TABLE, '', '## Abstract', '', 'Lanterns.', ''].join('\n');
}

test('header-duplicate: a list and a table header are reported once, on the table', () => {
  const text = twice();
  const f = one('header-duplicate', text);
  assert.deepEqual(f.range, range(11, 0, 14, TABLE[5].length));
  assert.match(f.message, /written a second time here \(the first starts on line 3\); \*\*PR\*\*, \*\*Status\*\*, \*\*Created\*\* appear in both/);
  none('field-duplicate', text);
});

test('header-duplicate: quiet on one header, and on fields split over blocks without repeats', () => {
  none('header-duplicate', ['# SEP-5150: Lantern Negotiation', '', ...LIST, ''].join('\n'));
  none('header-duplicate', ['# SEP-5150: Lantern Negotiation', '', ...LIST.slice(0, 5), '', 'PR: #5150', ''].join('\n'));
});

test('field-duplicate still reports a field repeated within one block', () => {
  const text = ['# SEP-5150: Lantern Negotiation', '', ...LIST, '- **Status**: Draft', ''].join('\n');
  one('field-duplicate', text);
  none('header-duplicate', text);
});

test('fix-all keeps both forms of a list+table header intact and creates no status-invalid', () => {
  const text = twice();
  const before = lint(parseSep(text, { fileName: GOOD_FILE }), { today: TODAY });
  const { text: after } = fixAll(text, { fileName: GOOD_FILE, today: TODAY });
  const lines = after.split('\n');
  const list = lines.filter((l) => l.startsWith('- **'));
  const table = lines.filter((l) => l.startsWith('|'));
  assert.deepEqual([...list].sort(), [...LIST].sort(), 'the list holds the same lines');
  assert.deepEqual([...table].sort(), [...TABLE].sort(), 'the table holds the same rows');
  assert.deepEqual(list, [LIST[1], LIST[0], ...LIST.slice(2)], 'the list is put in order within itself');
  assert.equal(table.slice(0, 2).join('\n'), TABLE.slice(0, 2).join('\n'));
  const found = lint(parseSep(after, { fileName: GOOD_FILE }), { today: TODAY });
  const invalid = (fs: typeof found) => fs.filter((f) => f.rule === 'status-invalid').length;
  assert.equal(invalid(found), invalid(before), 'no new status-invalid');
  assert.equal(found.filter((f) => f.rule === 'header-duplicate').length, 1);
});
