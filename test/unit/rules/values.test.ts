import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, fixed, none, one, range, rangeOf, withLine, fixesOf } from './helpers';

const STATUS_AT = '- **Status**: '.length;
const TYPE_AT = '- **Type**: '.length;
const CREATED_AT = '- **Created**: '.length;

test('status-invalid: a status outside the list, on the value', () => {
  const f = one('status-invalid', doc({ set: { Status: 'Pondering' } }));
  assert.deepEqual(f.range, range(2, STATUS_AT, 2, STATUS_AT + 'Pondering'.length));
  assert.match(f.message, /"Pondering" is not a SEP status\. Use one of: Draft, In-Review, Accepted, Rejected, Withdrawn, Final, Superseded, Dormant/);
  assert.equal(f.severity, 'error');
});

test('status-invalid: quiet on every listed status, the issue-era `proposal`, placeholders and empty values', () => {
  for (const s of ['Draft', 'In-Review', 'Accepted', 'Rejected', 'Withdrawn', 'Final', 'Superseded', 'Dormant', 'proposal', 'Proposal', '**Final**', 'Final (since 2026-05-01)']) {
    none('status-invalid', doc({ set: { Status: s } }));
  }
  none('status-invalid', doc({ set: { Status: 'Draft | In-Review | Accepted' } }));
  none('status-invalid', doc({ set: { Status: '' } }));
});

test('status-noncanonical: `draft`, `In Review` get the template spelling (certain); `Approved` is only suggested as `Accepted`', () => {
  for (const [written, expected, kind] of [['draft', 'Draft', 'certain'], ['In Review', 'In-Review', 'certain'], ['in-review', 'In-Review', 'certain'], ['Approved', 'Accepted', 'suggestion']]) {
    const text = doc({ set: { Status: written } });
    const f = one('status-noncanonical', text);
    assert.deepEqual(f.range, range(2, STATUS_AT, 2, STATUS_AT + written.length));
    assert.deepEqual(f.data, { expected });
    assert.ok(f.message.includes(`"${expected}"`), f.message);
    assert.equal(fixed(text, f, `Change to "${expected}"`), withLine(text, 2, `- **Status**: ${expected}`));
    assert.equal(fixesOf(f)[0].kind, kind, written);
  }
});

test('status-noncanonical: the fix replaces only the status word, never the author\'s remark or emphasis', () => {
  const text = doc({ set: { Status: '**in review** (since May)' } });
  const f = one('status-noncanonical', text);
  assert.equal(fixed(text, f, 'Change to "In-Review"'), withLine(text, 2, '- **Status**: **In-Review** (since May)'));
  none('status-noncanonical', doc({ set: { Status: 'Final' } }));
  none('status-noncanonical', doc({ set: { Status: 'Pondering' } }));
});

test('type-invalid: a type outside the list', () => {
  const f = one('type-invalid', doc({ set: { Type: 'Feature' } }));
  assert.deepEqual(f.range, range(3, TYPE_AT, 3, TYPE_AT + 'Feature'.length));
  assert.match(f.message, /"Feature" is not a SEP type\. Use one of: Standards Track, Extensions Track, Informational, Process/);
  for (const t of ['Standards Track', 'Extensions Track', 'Informational', 'Process']) none('type-invalid', doc({ set: { Type: t } }));
});

test('type-noncanonical: spelling variants fixed to the template spelling; other words only suggested', () => {
  for (const [written, expected, kind] of [['standards track', 'Standards Track', 'certain'], ['Extension', 'Extensions Track', 'suggestion'], ['Standards-Track', 'Standards Track', 'certain'], ['Informational SEP', 'Informational', 'suggestion']]) {
    const text = doc({ set: { Type: written } });
    const f = one('type-noncanonical', text);
    assert.deepEqual(f.range, range(3, TYPE_AT, 3, TYPE_AT + written.length));
    assert.match(f.message, kind === 'certain' ? new RegExp(`Write the type as "${expected}"`) : new RegExp(`if you mean "${expected}"`));
    assert.equal(fixesOf(f)[0].kind, kind, written);
    assert.deepEqual(f.data, { expected });
    assert.equal(fixed(text, f, `Change to "${expected}"`), withLine(text, 3, `- **Type**: ${expected}`));
  }
  none('type-noncanonical', doc());
});

test('created-invalid: impossible dates and non-dates', () => {
  const f = one('created-invalid', doc({ set: { Created: '2025-02-30' } }));
  assert.deepEqual(f.range, range(4, CREATED_AT, 4, CREATED_AT + 10));
  assert.match(f.message, /2025-02-30 is not a real date/);
  assert.match(one('created-invalid', doc({ set: { Created: 'sometime in spring' } })).message, /is not a date\. Write the date as YYYY-MM-DD/);
  one('created-invalid', doc({ set: { Created: 'February 30, 2025' } }));
  none('created-invalid', doc({ set: { Created: '2024-02-29' } }));
  none('created-invalid', doc());
});

test('created-format: other ways of writing a date are converted to YYYY-MM-DD', () => {
  const cases: [string, string][] = [
    ['2025/7/22', '2025-07-22'],
    ['July 22, 2025', '2025-07-22'],
    ['22 Jul 2025', '2025-07-22'],
    ['Tuesday, July 22nd, 2025', '2025-07-22'],
    ['07/22/2025', '2025-07-22'],
    ['22.07.2025', '2025-07-22'],
    ['2025-07-22T09:30:00Z', '2025-07-22'],
  ];
  for (const [written, expected] of cases) {
    const text = doc({ set: { Created: written } });
    const f = one('created-format', text);
    assert.deepEqual(f.range, range(4, CREATED_AT, 4, CREATED_AT + written.length), written);
    assert.deepEqual(f.data, { expected });
    assert.equal(fixed(text, f, `Change to "${expected}"`), withLine(text, 4, `- **Created**: ${expected}`));
  }
});

test('created-format: an ambiguous day/month is reported without a guess', () => {
  const f = one('created-format', doc({ set: { Created: '03/04/2025' } }));
  assert.match(f.message, /2025-03-04 or 2025-04-03/);
  assert.deepEqual(fixesOf(f), []);
});

test('created-format: quiet on YYYY-MM-DD, also with a remark after it', () => {
  none('created-format', doc());
  none('created-format', doc({ set: { Created: '2025-07-22 (revised 2025-08-01)' } }));
  none('created-format', doc({ set: { Created: '2025-07-22, revised later' } }));
});

test('created-future: a date after today', () => {
  const f = one('created-future', doc({ set: { Created: '2026-11-26' } }), undefined, '2026-11-25');
  assert.deepEqual(f.range, range(4, CREATED_AT, 4, CREATED_AT + 10));
  assert.match(f.message, /2026-11-26 is in the future \(today is 2026-11-25\)/);
  one('created-future', doc({ set: { Created: 'December 1, 2026' } }), undefined, '2026-11-25');
  none('created-future', doc({ set: { Created: '2026-11-25' } }), undefined, '2026-11-25');
});

test('authors-format: two people in one item get a comma inserted, nothing removed', () => {
  const text = doc({ set: { 'Author(s)': 'Grace Sample (@grace-sample) Tom Tester (@tomtester)' } });
  const f = one('authors-format', text);
  assert.deepEqual(f.range, rangeOf(text, 'Grace Sample (@grace-sample) Tom Tester (@tomtester)'));
  assert.match(f.message, /One author per item/);
  assert.equal(fixed(text, f, 'Separate the authors with a comma'), withLine(text, 5, '- **Author(s)**: Grace Sample (@grace-sample), Tom Tester (@tomtester)'));
});

test('authors-format: an e-mail in parentheses goes into angle brackets', () => {
  const text = doc({ set: { 'Author(s)': 'Grace Sample (grace@example.test), Tom Tester (@tomtester)' } });
  const f = one('authors-format', text);
  assert.deepEqual(f.range, rangeOf(text, '(grace@example.test)'));
  assert.equal(fixed(text, f, 'Put the e-mail address in angle brackets'), withLine(text, 5, '- **Author(s)**: Grace Sample <grace@example.test>, Tom Tester (@tomtester)'));
});

test('authors-format: a bracket that is not an address, and unbalanced brackets', () => {
  const text = doc({ set: { 'Author(s)': 'Grace Sample <grace> (@grace-sample)' } });
  assert.deepEqual(one('authors-format', text).range, rangeOf(text, '<grace>'));
  assert.match(one('authors-format', doc({ set: { 'Author(s)': 'Grace Sample (@grace-sample' } })).message, /Unbalanced brackets/);
});

test('authors-format: quiet on the variety real authors write', () => {
  for (const v of [
    'Grace Sample <grace@example.test> (@grace-sample), Tom Tester (@tomtester)',
    'Grace Sample (@grace-sample) and Tom Tester (@tomtester)',
    '@grace-sample',
    'Grace Sample, Tom Tester',
    'Lantern Working Group',
    'Grace Sample (@grace-sample) — first draft; Tom Tester (@tomtester) — current editor',
    'Grace Sample (@grace-sample), Tom Tester (@tomtester); for the Lantern Working Group',
  ]) {
    none('authors-format', doc({ set: { 'Author(s)': v } }));
  }
  const wrapped = ['- **Status**: Draft', '- **Type**: Process', '- **Author(s)**: Grace Sample (@grace-sample),', '  Tom Tester (@tomtester)'];
  none('authors-format', doc({ headerLines: wrapped }));
});

test('authors-no-handle: no author has a GitHub handle', () => {
  const text = doc({ set: { 'Author(s)': 'Grace Sample <grace@example.test>, Tom Tester' } });
  const f = one('authors-no-handle', text);
  assert.deepEqual(f.range, rangeOf(text, 'Grace Sample <grace@example.test>, Tom Tester'));
  assert.match(f.message, /No author has a GitHub handle/);
  assert.deepEqual(fixesOf(f), []);
  assert.equal(f.severity, 'warning');
});

test('authors-no-handle: a bare user name is offered an `@`, not applied automatically', () => {
  const text = doc({ set: { 'Author(s)': 'gracesample' } });
  const f = one('authors-no-handle', text);
  assert.match(f.message, /write it `@gracesample`/);
  assert.equal(fixesOf(f)[0].kind, 'suggestion');
  assert.equal(fixed(text, f, 'Change to "@gracesample"'), withLine(text, 5, '- **Author(s)**: @gracesample'));
});

test('authors-no-handle: quiet when at least one author has a handle', () => {
  none('authors-no-handle', doc());
  none('authors-no-handle', doc({ set: { 'Author(s)': 'Grace Sample, Tom Tester (@tomtester)' } }));
});

test('sponsor-format: a sponsor without a handle', () => {
  const text = doc({ set: { Sponsor: 'Kind Maintainer' } });
  const f = one('sponsor-format', text);
  assert.deepEqual(f.range, rangeOf(text, 'Kind Maintainer'));
  assert.match(f.message, /Name the sponsor by GitHub handle.*or write `None`/);
});

test('sponsor-format: quiet on handles with or without names, and on None', () => {
  for (const v of ['@kind-maintainer', 'Kind Maintainer (@kind-maintainer)', '@kind-maintainer - Kind Maintainer', 'None', 'None (seeking sponsor)', 'none']) {
    none('sponsor-format', doc({ set: { Sponsor: v } }));
  }
});

test('sponsor-required: Status past Draft with Sponsor None', () => {
  const text = doc({ set: { Status: 'Final', Sponsor: 'None (seeking sponsor)' } });
  const f = one('sponsor-required', text);
  assert.deepEqual(f.range, rangeOf(text, 'None (seeking sponsor)'));
  assert.match(f.message, /Status is Final but Sponsor is None/);
  assert.equal(f.severity, 'hint', 'a Final SEP is a historical record');
  assert.equal(one('sponsor-required', doc({ set: { Status: 'Accepted', Sponsor: 'None' } })).severity, 'warning');
  assert.match(one('sponsor-required', doc({ set: { Status: 'In Review', Sponsor: 'None' } })).message, /Status is In-Review/);
});

test('sponsor-required: quiet for Draft, Dormant and Withdrawn SEPs without a sponsor, and for sponsored ones', () => {
  for (const s of ['Draft', 'Dormant', 'Withdrawn', 'proposal']) none('sponsor-required', doc({ set: { Status: s, Sponsor: 'None' } }));
  none('sponsor-required', doc({ set: { Status: 'Final' } }));
});

test('pr-format: a value that names no pull request', () => {
  const text = doc({ set: { PR: 'to be opened' } });
  const f = one('pr-format', text);
  assert.deepEqual(f.range, range(7, 10, 7, 10 + 'to be opened'.length));
  assert.match(f.message, /does not name a pull request/);
  assert.equal(f.severity, 'warning');
});

test('pr-format: a bare number and a URL with leftover braces are fixed', () => {
  const bare = doc({ set: { PR: '5150' } });
  const f = one('pr-format', bare);
  assert.deepEqual(f.data, { expected: '#5150' });
  assert.equal(fixed(bare, f, 'Change to "#5150"'), withLine(bare, 7, '- **PR**: #5150'));
  const braced = doc({ set: { PR: 'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/{5150}' } });
  const g = one('pr-format', braced);
  assert.deepEqual(g.range, rangeOf(braced, 'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/{5150}'));
  assert.equal(fixed(braced, g, /Change to/), withLine(braced, 7, '- **PR**: https://github.com/modelcontextprotocol/modelcontextprotocol/pull/5150'));
});

test('pr-format: an issue link or another site is reported without a fix', () => {
  const issue = doc({ set: { PR: 'https://github.com/modelcontextprotocol/modelcontextprotocol/issues/5150' } });
  assert.match(one('pr-format', issue).message, /links an issue, not a pull request/);
  assert.match(one('pr-format', doc({ set: { PR: 'https://example.test/review/5150' } })).message, /not a GitHub pull-request link/);
});

test('pr-format: quiet on the accepted forms and on the template placeholder', () => {
  for (const v of [
    '#5150',
    'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/5150',
    'https://github.com/modelcontextprotocol/specification/pull/5150/files',
    '[#5150](https://github.com/modelcontextprotocol/modelcontextprotocol/pull/5150)',
    'modelcontextprotocol/modelcontextprotocol#5150',
    '#5150, #5151',
    'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/{NUMBER}',
  ]) {
    none('pr-format', doc({ set: { PR: v } }));
  }
});

test('status-*: symbols around the status word are not part of it', () => {
  none('status-invalid', doc({ set: { Status: 'Accepted ✅' } }));
  const text = doc({ set: { Status: '✅ accepted' } });
  assert.equal(fixed(text, one('status-noncanonical', text), 'Change to "Accepted"'), withLine(text, 2, '- **Status**: ✅ Accepted'));
});

test('authors-no-handle and sponsor-format: a GitHub profile link counts as a handle, once', () => {
  none('authors-no-handle', doc({ set: { 'Author(s)': '[Grace Sample](https://github.com/grace-sample)' } }));
  none('authors-format', doc({ set: { 'Author(s)': '[Grace Sample](https://github.com/grace-sample) (@grace-sample), Tom Tester' } }));
  none('sponsor-format', doc({ set: { Sponsor: '[Kind Maintainer](https://github.com/kind-maintainer)' } }));
  one('sponsor-format', doc({ set: { Sponsor: '[Kind Maintainer](https://github.com/orgs/acme/people)' } }));
});

test('value fixes keep CRLF line endings and a BOM intact', () => {
  const text = `\uFEFF${doc({ set: { Status: 'draft', Created: 'July 4, 2026' } }).replace(/\n/g, '\r\n')}`;
  const status = one('status-noncanonical', text);
  assert.deepEqual(status.range, range(2, STATUS_AT, 2, STATUS_AT + 'draft'.length));
  assert.equal(fixed(text, status, 'Change to "Draft"'), text.replace('- **Status**: draft\r\n', '- **Status**: Draft\r\n'));
  const created = one('created-format', text);
  assert.equal(fixed(text, created, 'Change to "2026-07-04"'), text.replace('July 4, 2026\r\n', '2026-07-04\r\n'));
});

test('a value wrapped in HTML tags is read without them, and never quoted cut mid-tag', () => {
  none('type-invalid', doc({ set: { Type: '</b> Standards Track<br>' } }));
  none('type-noncanonical', doc({ set: { Type: '</b> Standards Track<br>' } }));
  const f = one('type-invalid', doc({ set: { Type: '</b> Sideways Track<br>' } }));
  assert.match(f.message, /^"Sideways Track" is not a SEP type/);
});
