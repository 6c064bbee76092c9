import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD_FIELDS, GOOD_TITLE, doc, none, one, range, rangeOf, run } from './helpers';

const TITLE_RANGE = range(0, 0, 0, GOOD_TITLE.length);
const bullets = (fields: readonly [string, string][]) => fields.map(([n, v]) => `- **${n}**: ${v}`);

test('header-missing: a title followed directly by sections', () => {
  const text = doc({ headerLines: [] });
  const f = one('header-missing', text);
  assert.deepEqual(f.range, TITLE_RANGE);
  assert.match(f.message, /no header.*- \*\*Status\*\*: Draft/);
  assert.equal(f.severity, 'error');
  // The per-field rules stay quiet instead of repeating it six times.
  assert.deepEqual(run(['field-status-missing', 'field-type-missing', 'field-pr-missing'], text), []);
});

test('header-missing: quiet with bullets, a table or an issue-era preamble', () => {
  none('header-missing', doc());
  const table = ['| Field | Value |', '| --- | --- |', '| **Status** | Draft |', '| **Type** | Process |'];
  none('header-missing', doc({ headerLines: table }));
  none('header-missing', doc({ headerLines: [], body: '## Preamble\n\nStatus: Draft\nType: Process\n\n## Abstract\n\nOurs.\n' }));
});

const REQUIRED: [id: string, name: string, key: string, severity: string][] = [
  ['field-status-missing', 'Status', 'status', 'error'],
  ['field-type-missing', 'Type', 'type', 'error'],
  ['field-created-missing', 'Created', 'created', 'warning'],
  ['field-authors-missing', 'Author(s)', 'authors', 'error'],
  ['field-sponsor-missing', 'Sponsor', 'sponsor', 'warning'],
  ['field-pr-missing', 'PR', 'pr', 'error'],
];

for (const [id, name, key, severity] of REQUIRED) {
  test(`${id}: fires on the title line with data.field = ${key}, quiet when present`, () => {
    const f = one(id, doc({ set: { [name]: null } }));
    assert.deepEqual(f.range, TITLE_RANGE);
    assert.deepEqual(f.data, { field: key });
    assert.ok(f.message.includes(`no **${name}** field`), f.message);
    assert.equal(f.severity, severity);
    none(id, doc());
  });
}

test('field-*-missing: without a title the report sits on line 0', () => {
  const f = one('field-type-missing', doc({ title: null, set: { Type: null } }));
  assert.deepEqual(f.range, range(0, 0, 0, '- **Status**: Draft'.length));
});

test('field-*-missing: spelling variants of a field name count as the field', () => {
  none('field-authors-missing', doc({ set: { 'Author(s)': null, Authors: 'Grace Sample (@grace-sample)' } }));
  none('field-pr-missing', doc({ set: { PR: null, 'Pull Request': '#5150' } }));
  none('field-status-missing', doc({ headerLines: ['**Status:** Draft', '**Type:** Process'] }));
});

test('field-issue-instead-of-pr: an Issue field and no PR field; field-pr-missing stays quiet', () => {
  const text = doc({ set: { PR: null, Issue: '#5150' } });
  const f = one('field-issue-instead-of-pr', text);
  assert.deepEqual(f.range, range(7, 2, 7, '- **Issue**: #5150'.length));
  assert.deepEqual(f.data, { field: 'pr' });
  assert.match(f.message, /add `- \*\*PR\*\*: #<number>`/);
  assert.equal(f.severity, 'warning');
  none('field-pr-missing', text);
});

test('field-issue-instead-of-pr: quiet when PR is there too', () => {
  none('field-issue-instead-of-pr', doc({ set: { Issue: '#5150' } }));
  none('field-issue-instead-of-pr', doc());
});

test('field-duplicate: the second occurrence is reported, pointing at the first', () => {
  const lines = bullets(GOOD_FIELDS);
  lines.splice(3, 0, '- **status**: Accepted');
  const f = one('field-duplicate', doc({ headerLines: lines }));
  assert.deepEqual(f.range, range(5, 2, 5, '- **status**: Accepted'.length));
  assert.match(f.message, /\*\*status\*\* is given twice \(first on line 3\)/);
  none('field-duplicate', doc());
});

test('field-unknown: a field the template does not know, on its name', () => {
  const text = doc({ set: { Mood: 'cheerful' } });
  const f = one('field-unknown', text);
  assert.deepEqual(f.range, rangeOf(text, 'Mood'));
  assert.match(f.message, /\*\*Mood\*\* is not a SEP header field/);
  assert.equal(f.severity, 'information');
  none('field-unknown', doc({ set: { Issue: '#12', Supersedes: 'SEP-12', Discussion: 'https://example.test/d/1' } }));
});

test('field-order: only the fields that must move are reported', () => {
  const lines = bullets(GOOD_FIELDS);
  [lines[0], lines[1]] = [lines[1], lines[0]];
  const f = one('field-order', doc({ headerLines: lines }));
  assert.deepEqual(f.range, range(3, 2, 3, '- **Status**: Draft'.length));
  assert.match(f.message, /Move \*\*Status\*\* before \*\*Type\*\*/);
  assert.equal(f.severity, 'information');
  const issueFirst = [...bullets(GOOD_FIELDS.slice(0, 5)), '- **Issue**: #12', '- **PR**: #5150'];
  assert.match(one('field-order', doc({ headerLines: issueFirst })).message, /Move \*\*PR\*\* before \*\*Issue\*\*/);
});

test('field-order: a repeated field is left to field-duplicate', () => {
  const lines = bullets(GOOD_FIELDS);
  lines.push('- **Type**: Process');
  none('field-order', doc({ headerLines: lines }));
});

test('field-order: quiet in template order, with unknown fields anywhere', () => {
  none('field-order', doc());
  const lines = bullets(GOOD_FIELDS);
  lines.splice(2, 0, '- **Mood**: cheerful');
  none('field-order', doc({ headerLines: lines, set: {} }));
});

test('field-empty: a field with no value', () => {
  const f = one('field-empty', doc({ set: { Sponsor: '' } }));
  assert.deepEqual(f.range, range(6, 2, 6, '- **Sponsor**:'.length));
  assert.match(f.message, /\*\*Sponsor\*\* has no value/);
  none('field-empty', doc());
});

test('field-placeholder: template text left in values, each on its own range (a SEP whose stage is unknown)', () => {
  // No file name and no number in the title: neither a draft nor a numbered SEP (field-placeholder-numbered's case).
  const unnumbered = (set: Record<string, string>) => doc({ title: '# SEP: Lantern Negotiation', set });
  const status = unnumbered({ Status: 'Draft | In-Review | Accepted | Rejected' });
  const s = one('field-placeholder', status, null);
  assert.deepEqual(s.range, rangeOf(status, 'Draft | In-Review | Accepted | Rejected'));
  assert.match(s.message, /\*\*Status\*\* still holds the template text/);
  const created = unnumbered({ Created: 'YYYY-MM-DD' });
  assert.deepEqual(one('field-placeholder', created, null).range, rangeOf(created, 'YYYY-MM-DD'));
  const pr = unnumbered({ PR: 'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/{NUMBER}' });
  assert.deepEqual(one('field-placeholder', pr, null).range, rangeOf(pr, '{NUMBER}'));
  const authors = unnumbered({ 'Author(s)': 'Name <email> (@github-username)' });
  assert.deepEqual(one('field-placeholder', authors, null).range, rangeOf(authors, 'Name <email>'));
  const sponsor = unnumbered({ Sponsor: '@github-username (or "None" if seeking sponsor)' });
  assert.deepEqual(one('field-placeholder', sponsor, null).range, rangeOf(sponsor, '@github-username'));
});

test('field-placeholder: the title `{Title}`, but not a `{NUMBER}` title of a draft', () => {
  const text = doc({ title: '# SEP-{NUMBER}: {Title}' });
  const f = one('field-placeholder', text, '0000-lantern.md');
  assert.deepEqual(f.range, rangeOf(text, '{Title}'));
  none('field-placeholder', doc({ title: '# SEP-{NUMBER}: Lantern Negotiation' }), '0000-lantern.md');
  none('field-placeholder', doc());
});

test('field-*-missing: a bold note paragraph above the header does not hide the header', () => {
  const text = doc({ headerLines: ['**Note**: an early draft of ours.', '', ...bullets(GOOD_FIELDS)] });
  assert.deepEqual(run(['header-missing', 'field-status-missing', 'field-type-missing', 'field-pr-missing'], text), []);
});

test('field-*-missing: fields written as separate bold paragraphs, or a PR line after the list, are one header', () => {
  const paragraphs = doc({ headerLines: bullets(GOOD_FIELDS).map((l) => `${l.replace(/^- \*\*(.+?)\*\*:/, '**$1:**')}\n`) });
  assert.deepEqual(run(['field-status-missing', 'field-type-missing', 'field-authors-missing', 'field-pr-missing'], paragraphs), []);
  const trailing = doc({ headerLines: [...bullets(GOOD_FIELDS.slice(0, 5)), '', 'PR: #5150'] });
  assert.deepEqual(run(['field-pr-missing', 'field-issue-instead-of-pr'], trailing), []);
  // A paragraph of prose after the header ends it.
  const prose = doc({ headerLines: [...bullets(GOOD_FIELDS.slice(0, 5)), '', 'Lanterns are lovely.', '', 'PR: #5150'] });
  assert.equal(run('field-pr-missing', prose).length, 1);
});
