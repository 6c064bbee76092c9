import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HEADER, TODAY, findingsOf, fixTitles, md, quickFix, sep } from './helpers';
import { fixAll } from '../../../server/src/sep/fixes';

const F = '4242-weather-reports.md';
const HINT_MOTIVATION = '<!-- Why the protocol as it stands is not enough: the problem this SEP solves. Proposals without a convincing motivation may be rejected. -->';
const HINT_RATIONALE = '<!-- Why the design is what it is: the alternatives weighed, prior art, objections raised and the consensus reached. -->';
const HINT_BACKWARD = '<!-- What existing implementations break or change, how badly, and how they migrate. Say so explicitly when nothing breaks. -->';
const HINT_ABSTRACT = '<!-- A short technical summary (about 200 words) that lets a reader grasp the proposal at a glance. -->';

test('missing section goes after the preceding standard section, with a hint comment', () => {
  const text = sep(['Abstract', 'Specification', 'Rationale', 'Backward Compatibility', 'Security Implications', 'Reference Implementation']);
  const out = quickFix(text, 'section-missing', { title: 'Add missing section "Motivation"', fileName: F });
  const expected = text.replace(
    '## Specification',
    md('## Motivation', '', HINT_MOTIVATION, '', '## Specification'),
  );
  assert.equal(out, expected);
  assert.deepEqual(findingsOf(out, 'section-missing', F), []);
});

test('one action per missing section plus "Add all missing sections"', () => {
  const text = sep(['Abstract', 'Specification', 'Security Implications', 'Reference Implementation']);
  assert.deepEqual(fixTitles(text, 'section-missing', F), ['Add missing section "Motivation"', 'Add all missing sections']);
  const second = findingsOf(text, 'section-missing', F).map((f) => f.data?.section);
  assert.deepEqual(second, ['Motivation', 'Rationale', 'Backward Compatibility']);
});

test('"Add all missing sections" places each at its canonical position in one go', () => {
  const text = sep(['Abstract', 'Specification', 'Security Implications', 'Reference Implementation']);
  const out = quickFix(text, 'section-missing', { title: 'Add all missing sections', fileName: F });
  const expected = md(
    '# SEP-4242: Weather reports', '', ...HEADER, '',
    '## Abstract', '', 'Clients can ask servers for a weather report.', '',
    '## Motivation', '', HINT_MOTIVATION, '',
    '## Specification', '', 'A server MUST answer `weather/get` with a forecast.', '',
    '## Rationale', '', HINT_RATIONALE, '',
    '## Backward Compatibility', '', HINT_BACKWARD, '',
    '## Security Implications', '', 'Forecasts are public; nothing secret is sent.', '',
    '## Reference Implementation', '', 'See https://github.com/example/weather-mcp/pull/1.', '',
  );
  assert.equal(out, expected);
  assert.deepEqual(findingsOf(out, 'section-missing', F), []);
});

test('a section missing at the start goes before the first standard section', () => {
  const text = sep(['Motivation', 'Specification', 'Rationale', 'Backward Compatibility', 'Security Implications', 'Reference Implementation']);
  const out = quickFix(text, 'section-missing', { title: 'Add missing section "Abstract"', fileName: F });
  assert.equal(out, text.replace('## Motivation', md('## Abstract', '', HINT_ABSTRACT, '', '## Motivation')));
});

test('a section missing at the end of a file without a final newline gets blank lines before it', () => {
  const text = sep(['Abstract', 'Motivation', 'Specification', 'Rationale', 'Backward Compatibility', 'Security Implications']).trimEnd();
  const out = quickFix(text, 'section-missing', { fileName: F });
  assert.equal(
    out,
    `${text}\n\n## Reference Implementation\n\n<!-- Links to a working prototype (an SDK branch, a proof of concept, a reference client or server). Required before acceptance; complete, with conformance tests, before Final. -->\n`,
  );
});

test('never inserts into a code block left open at the end, nor treats a heading in code as present', () => {
  const text = md(
    '# SEP-4242: Weather reports', '', ...HEADER, '',
    '## Abstract', '', 'Short.', '',
    '## Motivation', '', 'Why.', '',
    '## Specification', '', 'Spec.', '',
    '## Rationale', '', 'Because.', '',
    '## Backward Compatibility', '', 'None.', '',
    '## Security Implications', '', 'None.', '',
    '```md', '## Reference Implementation', 'still code',
  );
  const out = quickFix(text, 'section-missing', { fileName: F });
  const fence = out.indexOf('```md');
  const inserted = out.indexOf('## Reference Implementation\n\n<!--');
  assert.ok(inserted !== -1 && inserted < fence, out);
  assert.ok(out.endsWith('```md\n## Reference Implementation\nstill code'));
});

test('missing sections go after a header with no sections at all', () => {
  const text = md('# SEP-4242: Weather reports', '', ...HEADER, '');
  const out = quickFix(text, 'section-missing', { title: 'Add missing section "Abstract"', fileName: F });
  assert.equal(out, md('# SEP-4242: Weather reports', '', ...HEADER, '', '## Abstract', '', HINT_ABSTRACT, ''));
});

test('CRLF documents get CRLF insertions', () => {
  const text = sep(['Abstract', 'Specification', 'Rationale', 'Backward Compatibility', 'Security Implications', 'Reference Implementation']).replace(/\n/g, '\r\n');
  const out = quickFix(text, 'section-missing', { fileName: F });
  assert.ok(out.includes(`## Motivation\r\n\r\n${HINT_MOTIVATION}\r\n\r\n## Specification`));
  assert.ok(!/[^\r]\n/.test(out), 'no bare LF');
});

test('near-miss heading is renamed, numbering kept', () => {
  const text = sep().replace('## Backward Compatibility', '## 5. Backwards Compatibility');
  const out = quickFix(text, 'section-near-miss', { fileName: F });
  assert.equal(out, sep().replace('## Backward Compatibility', '## 5. Backward Compatibility'));
});

test('wrong heading level becomes ##', () => {
  const text = sep().replace('## Rationale', '### Rationale');
  assert.equal(quickFix(text, 'section-heading-level', { fileName: F }), sep());
});

test('sections out of order are moved whole, bodies and subsections included', () => {
  const text = md(
    '# SEP-4242: Weather reports', '', ...HEADER, '',
    '## Abstract', '', 'A.', '',
    '## Specification', '', 'S.', '', '### Messages', '', 'M.', '',
    '## Motivation', '', 'Mo.', '',
    '## Open Questions', '', 'Q.', '',
    '## Rationale', '', 'R.', '',
    '## Backward Compatibility', '', 'B.', '',
    '## Security Implications', '', 'Se.', '',
    '## Reference Implementation', '', 'Re.',
  );
  const out = quickFix(text, 'section-order', { fileName: F });
  assert.equal(out, md(
    '# SEP-4242: Weather reports', '', ...HEADER, '',
    '## Abstract', '', 'A.', '',
    '## Motivation', '', 'Mo.', '',
    '## Specification', '', 'S.', '', '### Messages', '', 'M.', '',
    '## Open Questions', '', 'Q.', '',
    '## Rationale', '', 'R.', '',
    '## Backward Compatibility', '', 'B.', '',
    '## Security Implications', '', 'Se.', '',
    '## Reference Implementation', '', 'Re.',
  ));
  assert.deepEqual(findingsOf(out, 'section-order', F), []);
});

test('moving the last section keeps the blank lines between sections where they were', () => {
  const text = sep(['Abstract', 'Motivation', 'Specification', 'Rationale', 'Security Implications', 'Reference Implementation', 'Backward Compatibility']).trimEnd();
  const out = quickFix(text, 'section-order', { fileName: F });
  assert.equal(out, sep().trimEnd());
});

test('fix-all restores spelling, level and order, adds no section the author has not written, and is stable', () => {
  const text = md(
    '# SEP-4242: Weather reports', '', ...HEADER, '',
    '## Specification', '', 'S.', '',
    '## Abstract', '', 'A.', '',
    '## Backwards Compatibility', '', 'B.', '',
    '### Security Implications', '', 'Se.', '',
  );
  const r = fixAll(text, { fileName: F, today: TODAY });
  assert.equal(r.text, md(
    '# SEP-4242: Weather reports', '', ...HEADER, '',
    '## Abstract', '', 'A.', '',
    '## Specification', '', 'S.', '',
    '## Backward Compatibility', '', 'B.', '',
    '## Security Implications', '', 'Se.', '',
  ));
  assert.deepEqual(r.remaining.filter((f) => f.rule === 'section-missing').map((f) => f.data?.section), ['Motivation', 'Rationale', 'Reference Implementation']);
  assert.equal(fixAll(r.text, { fileName: F, today: TODAY }).text, r.text);
});
