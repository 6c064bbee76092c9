import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD_TITLE, applyEdits, doc, fixed, none, one, range, rangeOf, run, withLine, fixesOf } from './helpers';

test('title-missing: fires on the first line when there is no title heading', () => {
  const text = doc({ title: null });
  const f = one('title-missing', text);
  assert.deepEqual(f.range, range(0, 0, 0, '- **Status**: Draft'.length));
  assert.match(f.message, /no title.*# SEP-<number>: <name>/);
  assert.equal(f.severity, 'error');
});

test('title-missing: a document whose only headings are sections has no title', () => {
  one('title-missing', doc({ title: null, body: '## Abstract\n\nText of ours.\n\n## Motivation\n\nMore.\n' }));
});

test('title-missing: quiet with a title, ATX or setext', () => {
  none('title-missing', doc());
  none('title-missing', doc({ title: 'SEP-5150: Lantern Negotiation\n=============================' }));
});

test('title-malformed: `SEP 12 - Name` is rewritten to `SEP-12: Name` without touching the name', () => {
  const text = doc({ title: '# SEP 12 - Lantern Negotiation' });
  const f = one('title-malformed', text);
  assert.deepEqual(f.range, range(0, 0, 0, '# SEP 12 - Lantern Negotiation'.length));
  assert.match(f.message, /SEP-<number>: <name>/);
  assert.equal(f.severity, 'warning');
  assert.equal(fixed(text, f, 'Write the title as "SEP-12: Lantern Negotiation"'), withLine(text, 0, '# SEP-12: Lantern Negotiation'));
  assert.equal(fixesOf(f)[0].kind, 'certain');
});

test('title-malformed: a missing colon is fixed, a lower-case prefix too', () => {
  const a = doc({ title: '# SEP-5150 Lantern Negotiation' });
  assert.equal(fixed(a, one('title-malformed', a), /SEP-5150: Lantern/), withLine(a, 0, '# SEP-5150: Lantern Negotiation'));
  const b = doc({ title: '# sep-5150:Lantern Negotiation' });
  assert.equal(fixed(b, one('title-malformed', b), /SEP-5150: Lantern/), withLine(b, 0, '# SEP-5150: Lantern Negotiation'));
});

test('title-malformed: no prefix, no number, no name each get their own advice', () => {
  assert.match(one('title-malformed', doc({ title: '# Lantern Negotiation' })).message, /does not start with `SEP-<number>:`/);
  const noNumber = one('title-malformed', doc({ title: '# SEP: Lantern Negotiation' }));
  assert.match(noNumber.message, /no SEP number/);
  assert.deepEqual(fixesOf(noNumber), []);
  assert.match(one('title-malformed', doc({ title: '# SEP-5150:' })).message, /no name after/);
});

test('title-malformed: a title that is not a level-1 heading', () => {
  const f = one('title-malformed', doc({ title: '## SEP-5150: Lantern Negotiation' }));
  assert.match(f.message, /level-2 heading.*level-1/);
  assert.deepEqual(f.range, range(0, 0, 0, '## SEP-5150: Lantern Negotiation'.length));
});

test('title-malformed: quiet on well-formed titles and on draft placeholders', () => {
  none('title-malformed', doc());
  none('title-malformed', doc({ title: '# SEP-{NUMBER}: Lantern Negotiation' }), '0000-lantern-negotiation.md');
  none('title-malformed', doc({ title: '# SEP-XXXX: Lantern Negotiation' }), '0000-lantern-negotiation.md');
});

test('title-file-number-mismatch: the title number disagrees with the file name; fixed to the file number when the PR agrees', () => {
  const text = doc({ title: '# SEP-5151: Lantern Negotiation' });
  const f = one('title-file-number-mismatch', text);
  assert.deepEqual(f.range, range(0, 6, 0, 10));
  assert.match(f.message, /title says SEP-5151 but the file name says 5150/);
  assert.equal(f.data, undefined);
  assert.equal(fixed(text, f, 'Change the title to SEP-5150 (the file name and the PR field)'), withLine(text, 0, GOOD_TITLE));
  assert.equal(fixesOf(f)[0].kind, 'certain', 'two of the three numbers agree: the title is the odd one out');
});

test('title-file-number-mismatch: only suggestions when the PR field settles nothing', () => {
  const text = doc({ title: '# SEP-5151: Lantern Negotiation', set: { PR: '#5152' } });
  const f = one('title-file-number-mismatch', text);
  const fixes = fixesOf(f);
  assert.deepEqual(fixes.map((x) => [x.title, x.kind]), [
    ["Change the title to SEP-5150 (the file's number)", 'suggestion'],
    ['Rename the file to 5151-lantern-negotiation.md (the title\'s number)', 'suggestion'],
  ]);
  assert.deepEqual(fixes[1].edits, []);
  assert.equal(fixes[1].renameTo, '5151-lantern-negotiation.md');
});

test('title-file-number-mismatch: title and PR agree, so the file is the odd one out: renaming it is offered', () => {
  const f = one('title-file-number-mismatch', doc({ title: '# SEP-5151: Lantern Negotiation', set: { PR: '#5151' } }));
  assert.deepEqual(fixesOf(f).map((x) => [x.renameTo, x.kind]), [['5151-lantern-negotiation.md', 'suggestion']]);
});

test('title-file-number-mismatch: quiet for agreeing numbers, 0000 drafts, placeholder titles, unknown file names', () => {
  none('title-file-number-mismatch', doc());
  none('title-file-number-mismatch', doc(), '0000-lantern-negotiation.md');
  none('title-file-number-mismatch', doc({ title: '# SEP-{NUMBER}: Lantern Negotiation' }));
  none('title-file-number-mismatch', doc({ title: '# SEP-5151: Lantern Negotiation' }), null);
  none('title-file-number-mismatch', doc({ title: '# SEP-05150: Lantern Negotiation' }));
});

test('title-pr-number-mismatch: with a draft file name, the title number must be the PR number', () => {
  const text = doc({ set: { PR: 'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/6001' } });
  const f = one('title-pr-number-mismatch', text, '0000-lantern-negotiation.md');
  assert.deepEqual(f.range, range(0, 6, 0, 10));
  assert.match(f.message, /title says SEP-5150 but the PR field points to #6001/);
  const [title, pr] = fixesOf(f);
  assert.deepEqual([title.kind, pr.kind], ['suggestion', 'suggestion'], 'nothing settles which number is right');
  assert.equal(title.title, 'Change the title to SEP-6001 (the PR number)');
  assert.equal(applyEdits(text, title.edits), withLine(text, 0, '# SEP-6001: Lantern Negotiation'));
  assert.equal(applyEdits(text, pr.edits), text.replace('/pull/6001', '/pull/5150'));
  one('title-pr-number-mismatch', text, null);
});

test('title-pr-number-mismatch: quiet when numbers agree, the PR is a placeholder, or an Issue field carries the SEP number', () => {
  none('title-pr-number-mismatch', doc(), null);
  none('title-pr-number-mismatch', doc({ set: { PR: 'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/{NUMBER}' } }), null);
  none('title-pr-number-mismatch', doc({ set: { PR: '#6001', Issue: '#5150' } }), null);
  // With a numbered file, pr-number-mismatch speaks instead.
  none('title-pr-number-mismatch', doc({ set: { PR: '#6001' } }));
});

test('pr-number-mismatch: the PR field points to another pull request than the file and title carry', () => {
  const text = doc({ set: { PR: 'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/6001' } });
  const f = one('pr-number-mismatch', text);
  assert.deepEqual(f.range, rangeOf(text, 'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/6001'));
  assert.match(f.message, /points to #6001 but this is SEP-5150/);
  assert.equal(f.severity, 'error');
  const hash = doc({ set: { PR: '#6001' } });
  assert.deepEqual(one('pr-number-mismatch', hash).range, range(7, 10, 7, 15));
});

test('pr-number-mismatch: quiet for issue-era SEPs numbered after their issue, and when the file is the odd one out', () => {
  none('pr-number-mismatch', doc());
  none('pr-number-mismatch', doc({ set: { PR: '#6001', Issue: '#5150' } }));
  none('pr-number-mismatch', doc({ set: { Issue: 'https://github.com/modelcontextprotocol/modelcontextprotocol/issues/5150', PR: '#6001' } }));
  const fileOdd = doc({ title: '# SEP-6001: Lantern Negotiation', set: { PR: '#6001' } });
  none('pr-number-mismatch', fileOdd);
  assert.deepEqual(run('title-file-number-mismatch', fileOdd).length, 1);
  none('pr-number-mismatch', doc({ set: { PR: '#6001' } }), '0000-lantern-negotiation.md');
});

test('title-malformed: the fix lands right after a BOM and keeps CRLF', () => {
  const text = `\uFEFF${doc({ title: '# SEP 12 - Lantern Negotiation' }).replace(/\n/g, '\r\n')}`;
  const f = one('title-malformed', text);
  assert.equal(fixed(text, f, /SEP-12: Lantern/), text.replace('# SEP 12 - Lantern', '# SEP-12: Lantern'));
});
