import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HEADER, TODAY, findingsOf, fixTitles, md, quickFix, sep } from './helpers';
import { applyEdits, fixesFor } from '../../../server/src/sep/fixes';

const F = '4242-weather-reports.md';
const without = (label: string) => HEADER.filter((l) => !l.startsWith(`- **${label}**`));

test('missing Type is inserted after Status with a placeholder the author must replace', () => {
  const text = sep(undefined, without('Type'));
  const out = quickFix(text, 'field-type-missing', { fileName: F });
  assert.equal(out, sep(undefined, [HEADER[0], '- **Type**: Standards Track | Informational | Process | Extensions Track', ...HEADER.slice(2)]));
  assert.deepEqual(findingsOf(out, 'field-type-missing', F), []);
  // The SEP has its number (4242): the placeholder the fix wrote is an Error until the author picks a type.
  assert.deepEqual(findingsOf(out, 'field-placeholder-numbered', F).map((f) => f.severity), ['error']);
});

test('missing Created gets today\'s date', () => {
  const text = sep(undefined, without('Created'));
  assert.equal(quickFix(text, 'field-created-missing', { fileName: F }), sep(undefined, [...HEADER.slice(0, 2), '- **Created**: 2026-03-04', ...HEADER.slice(3)]));
});

test('missing Status goes first, before the first field', () => {
  const text = sep(undefined, without('Status'));
  const out = quickFix(text, 'field-status-missing', { fileName: F });
  assert.equal(out, sep(undefined, ['- **Status**: Draft | In-Review | Accepted | Rejected | Withdrawn | Final | Superseded | Dormant', ...HEADER.slice(1)]));
});

test('missing PR goes last, written like the other fields (table header)', () => {
  const table = ['| Field | Value |', '| --- | --- |', '| **Status** | Draft |', '| **Type** | Process |', '| **Created** | 2026-01-15 |', '| **Author(s)** | Ada (@ada) |', '| **Sponsor** | @sponsor-one |'];
  const text = sep(undefined, table);
  const out = quickFix(text, 'field-pr-missing', { fileName: F });
  assert.equal(out, sep(undefined, [...table, '| **PR** | https://github.com/modelcontextprotocol/modelcontextprotocol/pull/{NUMBER} |']));
});

test('missing field after an author list wrapped onto continuation lines goes after the whole field', () => {
  const header = ['- **Status**: Draft', '- **Type**: Process', '- **Created**: 2026-01-15', '- **Author(s)**: Ada (@ada),', '  Bob (@bob)', '- **PR**: #4242'];
  const text = sep(undefined, header);
  const out = quickFix(text, 'field-sponsor-missing', { fileName: F });
  assert.equal(out, sep(undefined, [...header.slice(0, 5), '- **Sponsor**: @github-username', header[5]]));
});

test('no header at all: the whole header is added under the title', () => {
  const text = sep(undefined, []).replace('# SEP-4242: Weather reports\n\n\n', '# SEP-4242: Weather reports\n\n');
  const out = quickFix(text, 'header-missing', { fileName: F });
  assert.equal(out, sep(undefined, [
    '- **Status**: Draft | In-Review | Accepted | Rejected | Withdrawn | Final | Superseded | Dormant',
    '- **Type**: Standards Track | Informational | Process | Extensions Track',
    '- **Created**: 2026-03-04',
    '- **Author(s)**: Name <email> (@github-username)',
    '- **Sponsor**: @github-username',
    '- **PR**: https://github.com/modelcontextprotocol/modelcontextprotocol/pull/{NUMBER}',
  ]));
  assert.deepEqual(findingsOf(out, 'header-missing', F), []);
});

test('header fields out of order are put in the template order', () => {
  const text = sep(undefined, [HEADER[2], HEADER[0], HEADER[1], HEADER[3], HEADER[5], HEADER[4]]);
  const out = quickFix(text, 'field-order', { fileName: F });
  assert.equal(out, sep());
  assert.deepEqual(findingsOf(out, 'field-order', F), []);
});

test('Status with the wrong case becomes canonical', () => {
  const text = sep(undefined, ['- **Status**: in review', ...HEADER.slice(1)]);
  assert.deepEqual(fixTitles(text, 'status-noncanonical', F), ['Change to "In-Review"']);
  assert.equal(quickFix(text, 'status-noncanonical', { fileName: F }), sep(undefined, ['- **Status**: In-Review', ...HEADER.slice(1)]));
});

test('a Status no one knows offers each real status', () => {
  const text = sep(undefined, ['- **Status**: Pondering', ...HEADER.slice(1)]);
  assert.deepEqual(fixTitles(text, 'status-invalid', F), ['Draft', 'In-Review', 'Accepted', 'Rejected', 'Withdrawn', 'Final', 'Superseded', 'Dormant'].map((s) => `Change to "${s}"`));
  assert.equal(quickFix(text, 'status-invalid', { fileName: F, title: 'Change to "Draft"' }), sep());
});

test('Type synonym becomes canonical', () => {
  const text = sep(undefined, [HEADER[0], '- **Type**: standards-track', ...HEADER.slice(2)]);
  assert.equal(quickFix(text, 'type-noncanonical', { fileName: F }), sep());
});

test('Created in another format becomes YYYY-MM-DD', () => {
  for (const written of ['2026/1/15', 'January 15, 2026']) {
    const text = sep(undefined, [...HEADER.slice(0, 2), `- **Created**: ${written}`, ...HEADER.slice(3)]);
    assert.equal(quickFix(text, 'created-format', { fileName: F }), sep(), written);
  }
});

test('an empty field gets a placeholder to fill in', () => {
  const text = sep(undefined, [...HEADER.slice(0, 2), '- **Created**:', ...HEADER.slice(3)]);
  assert.equal(quickFix(text, 'field-empty', { fileName: F }), sep(undefined, [...HEADER.slice(0, 2), '- **Created**: 2026-03-04', ...HEADER.slice(3)]));
});

test('Issue without PR offers to add a PR field (not automatically)', () => {
  const text = sep(undefined, [...HEADER.slice(0, 5), '- **Issue**: #4242']);
  assert.equal(
    quickFix(text, 'field-issue-instead-of-pr', { fileName: F }),
    sep(undefined, [...HEADER.slice(0, 5), '- **PR**: https://github.com/modelcontextprotocol/modelcontextprotocol/pull/{NUMBER}', '- **Issue**: #4242']),
  );
});

test('title number disagreeing with the file name: use the file\'s number', () => {
  const text = sep(undefined, HEADER, '# SEP-4243: Weather reports');
  assert.equal(quickFix(text, 'title-file-number-mismatch', { fileName: F }), sep());
  // The PR agrees with neither: the file's number is still on offer.
  const odd = sep(undefined, [...HEADER.slice(0, 5), '- **PR**: #4244'], '# SEP-4243: Weather reports');
  assert.equal(quickFix(odd, 'title-file-number-mismatch', { fileName: F }), sep(undefined, [...HEADER.slice(0, 5), '- **PR**: #4244']));
});

test('PR pointing elsewhere than the file\'s number: point it at the file\'s number', () => {
  const text = sep(undefined, [...HEADER.slice(0, 5), '- **PR**: https://github.com/modelcontextprotocol/modelcontextprotocol/pull/4244']);
  assert.equal(quickFix(text, 'pr-number-mismatch', { fileName: F }), sep(undefined, [...HEADER.slice(0, 5), '- **PR**: https://github.com/modelcontextprotocol/modelcontextprotocol/pull/4242']));
});

test('title number disagreeing with the PR: either side can change', () => {
  const text = sep(undefined, HEADER, '# SEP-4243: Weather reports');
  const file = '0000-weather-reports.md';
  const titles = fixTitles(text, 'title-pr-number-mismatch', file);
  assert.deepEqual(titles, ['Change the title to SEP-4242 (the PR number)', 'Change the PR number to 4243']);
  assert.equal(quickFix(text, 'title-pr-number-mismatch', { fileName: file }), sep());
  assert.equal(quickFix(text, 'title-pr-number-mismatch', { fileName: file, title: titles[1] }), sep(undefined, [...HEADER.slice(0, 5), '- **PR**: #4243'], '# SEP-4243: Weather reports'));
});

test('a missing title is made from the file name', () => {
  const text = sep().replace('# SEP-4242: Weather reports\n\n', '');
  assert.equal(quickFix(text, 'title-missing', { fileName: F }), sep(undefined, HEADER, '# SEP-4242: Weather reports'));
});

test('a malformed title prefix is rewritten, the name kept', () => {
  const text = sep(undefined, HEADER, '# SEP 4242 - Weather reports');
  assert.equal(quickFix(text, 'title-malformed', { fileName: F }), sep());
});

test('an unclosed code fence can be closed at the end', () => {
  const text = md(sep().trimEnd(), '', '```json', '{ "a": 1 }', '');
  assert.equal(quickFix(text, 'unclosed-code-fence', { fileName: F }), md(sep().trimEnd(), '', '```json', '{ "a": 1 }', '```', ''));
});

test('an unlinked SEP-N becomes a link: to the workspace file when known, else to its pull request', () => {
  const text = sep().replace('Nobody knows whether it will rain.', 'SEP-12 knows whether it will rain.');
  const finding = findingsOf(text, 'sep-reference-unlinked', F)[0];
  const workspace = { seps: [{ number: '12', title: 'Tides', fileName: '12-tides.md', location: 'file:///ws/seps/12-tides.md' }], maintainers: [] };
  const [local, remote] = fixesFor(finding, { today: TODAY, workspace });
  assert.equal(applyEdits(text, local.edits), sep().replace('Nobody knows', '[SEP-12](./12-tides.md) knows'));
  assert.equal(applyEdits(text, remote.edits), sep().replace('Nobody knows', '[SEP-12](https://github.com/modelcontextprotocol/modelcontextprotocol/pull/12) knows'));
  assert.deepEqual(fixesFor(finding, { today: TODAY }).map((f) => f.title), ['Link to pull request #12 on GitHub']);
  assert.deepEqual(findingsOf(applyEdits(text, local.edits), 'sep-reference-unlinked', F), []);
});

test('missing Author(s) gets the template\'s placeholder, after Created', () => {
  const text = sep(undefined, without('Author(s)'));
  assert.equal(quickFix(text, 'field-authors-missing', { fileName: F }), sep(undefined, [...HEADER.slice(0, 3), '- **Author(s)**: Name <email> (@github-username)', ...HEADER.slice(4)]));
});

test('a Type no one knows offers each real type', () => {
  const text = sep(undefined, [HEADER[0], '- **Type**: Sideways', ...HEADER.slice(2)]);
  assert.deepEqual(fixTitles(text, 'type-invalid', F), ['Standards Track', 'Extensions Track', 'Informational', 'Process'].map((s) => `Change to "${s}"`));
  assert.equal(quickFix(text, 'type-invalid', { fileName: F, title: 'Change to "Standards Track"' }), sep());
});

test('a Created date in the future can become today', () => {
  const text = sep(undefined, [...HEADER.slice(0, 2), '- **Created**: 2031-01-01', ...HEADER.slice(3)]);
  assert.equal(quickFix(text, 'created-future', { fileName: F }), sep(undefined, [...HEADER.slice(0, 2), '- **Created**: 2026-03-04', ...HEADER.slice(3)]));
});

test('template placeholders left in Created and Type: today, or a type to pick', () => {
  const created = sep(undefined, [...HEADER.slice(0, 2), '- **Created**: YYYY-MM-DD', ...HEADER.slice(3)]);
  assert.equal(quickFix(created, 'field-placeholder-numbered', { fileName: F }), sep(undefined, [...HEADER.slice(0, 2), '- **Created**: 2026-03-04', ...HEADER.slice(3)]));
  const type = sep(undefined, [HEADER[0], '- **Type**: Standards Track | Informational | Process | Extensions Track', ...HEADER.slice(2)]);
  assert.equal(quickFix(type, 'field-placeholder-numbered', { fileName: F, title: 'Change to "Standards Track"' }), sep());
  // The same placeholders in an unnumbered draft are field-placeholder's, with the same fixes.
  const draft = (text: string) => text.replace('# SEP-4242:', '# SEP-{NUMBER}:').replace('#4242', '#{NUMBER}');
  const draftCreated = draft(created);
  assert.equal(quickFix(draftCreated, 'field-placeholder', { fileName: '0000-weather-reports.md' }), draftCreated.replace('YYYY-MM-DD', '2026-03-04'));
});
