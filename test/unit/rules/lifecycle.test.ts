import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ORDER, range, run, sections, sepText } from './section-helpers';

const STATUS_LINE = 2;
const statusRange = (value: string) => range(STATUS_LINE, '- **Status**: '.length, STATUS_LINE, '- **Status**: '.length + value.length);
const noLink = (text: string) => sections(ORDER, { 'Reference Implementation': `## Reference Implementation\n\n${text}\n` });

test('reference-implementation-link: Final without a link is reported on the Status value', () => {
  const found = run('reference-implementation-link', sepText({ status: 'Final', body: noLink('To be provided.') }));
  assert.equal(found.length, 1);
  assert.equal(found[0].rule, 'reference-implementation-link');
  assert.deepEqual(found[0].range, statusRange('Final'));
  assert.match(found[0].message, /Status is Final, but the Reference Implementation section links to no implementation/);
});

test('reference-implementation-link: Accepted without the section at all says so', () => {
  const text = sepText({ status: 'Accepted', body: sections(ORDER.filter((n) => n !== 'Reference Implementation')) });
  const found = run('reference-implementation-link', text);
  assert.match(found[0].message, /there is no Reference Implementation section/);
});

test('reference-implementation-link: silent with a link, a GitHub reference, before acceptance, or for Informational SEPs', () => {
  assert.deepEqual(run('reference-implementation-link', sepText({ status: 'Final' })), []);
  assert.deepEqual(run('reference-implementation-link', sepText({ status: 'Final', body: noLink('Merged in example/widget-sdk#12.') })), []);
  assert.deepEqual(run('reference-implementation-link', sepText({ status: 'Draft', body: noLink('Coming.') })), []);
  assert.deepEqual(run('reference-implementation-link', sepText({ status: 'Final', type: 'Informational', body: noLink('None.') })), []);
});

test('reference-implementation-link: without the section, a linked implementation subsection counts', () => {
  const rest = sections(ORDER.filter((n) => n !== 'Reference Implementation'));
  const linked = `${rest}\n### Implementation\n\nSee [the SDK branch](https://example.test/sdk/tree/ping).\n`;
  assert.deepEqual(run('reference-implementation-link', sepText({ status: 'Final', body: linked })), []);
  const unlinked = `${rest}\n### Implementation\n\nServers answer pings.\n`;
  assert.equal(run('reference-implementation-link', sepText({ status: 'Final', body: unlinked })).length, 1);
});

const FINAL_ST = { status: 'Final', type: 'Standards Track', created: '2026-04-01' };

test('conformance-tests: a Final Standards Track SEP created on or after 2026-03-27 without a mention', () => {
  const found = run('conformance-tests', sepText(FINAL_ST));
  assert.equal(found.length, 1);
  assert.equal(found[0].rule, 'conformance-tests');
  assert.deepEqual(found[0].range, statusRange('Final'));
  assert.match(found[0].message, /conformance scenario/);
  assert.equal(run('conformance-tests', sepText({ ...FINAL_ST, created: '2026-03-27' })).length, 1);
});

test('conformance-tests: not retroactive, not for other types or statuses, and satisfied by a mention', () => {
  assert.deepEqual(run('conformance-tests', sepText({ ...FINAL_ST, created: '2026-03-26' })), []);
  assert.deepEqual(run('conformance-tests', sepText({ ...FINAL_ST, type: 'Process' })), []);
  assert.deepEqual(run('conformance-tests', sepText({ ...FINAL_ST, status: 'Accepted' })), []);
  const mentioned = sections(ORDER, { Specification: '## Specification\n\nServers MUST answer. The conformance scenario covers it.\n' });
  assert.deepEqual(run('conformance-tests', sepText({ ...FINAL_ST, body: mentioned })), []);
  const exempt = sections(ORDER, { Specification: '## Specification\n\nThis SEP has no observable protocol behavior.\n' });
  assert.deepEqual(run('conformance-tests', sepText({ ...FINAL_ST, body: exempt })), []);
  const inComment = sections(ORDER, { Specification: '## Specification\n\n<!-- conformance tests: todo -->\n\nText.\n' });
  assert.equal(run('conformance-tests', sepText({ ...FINAL_ST, body: inComment })).length, 1);
});

test('superseded-successor: Superseded without a pointer is reported on the Status value', () => {
  const found = run('superseded-successor', sepText({ status: 'Superseded' }));
  assert.equal(found.length, 1);
  assert.equal(found[0].rule, 'superseded-successor');
  assert.deepEqual(found[0].range, statusRange('Superseded'));
  assert.match(found[0].message, /Superseded-By/);
});

test('superseded-successor: satisfied by a Superseded-By field or a sentence naming the successor', () => {
  assert.deepEqual(run('superseded-successor', sepText({ status: 'Superseded', extraHeader: ['- **Superseded-By**: SEP-5000'] })), []);
  const prose = `This proposal was superseded by SEP-5000.\n\n${sections()}`;
  assert.deepEqual(run('superseded-successor', sepText({ status: 'Superseded', body: prose })), []);
  const ownNumber = `This proposal was superseded by SEP-4242 itself.\n\n${sections()}`;
  assert.equal(run('superseded-successor', sepText({ status: 'Superseded', body: ownNumber })).length, 1);
  assert.deepEqual(run('superseded-successor', sepText({ status: 'Final' })), []);
});

test('superseded-successor: a placeholder title number does not break the check', () => {
  const text = sepText({ status: 'Superseded', body: `Superseded by SEP-5000.\n\n${sections()}` }).replace('SEP-4242:', 'SEP-{NUMBER}:');
  assert.deepEqual(run('superseded-successor', text), []);
  assert.equal(run('superseded-successor', text.replace('Superseded by SEP-5000.', 'Old idea.')).length, 1);
});
