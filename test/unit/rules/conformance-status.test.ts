/**
 * `conformance-tests` and the title hover with the conformance repository's traceability data, as the
 * editor hands it to the engine (an option, never a fetch).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, parseSep, type ConformanceData } from '../../../server/src/sep';
import { hoverAt } from '../../../server/src/sep/hover';
import { ruleById } from '../../../server/src/sep/rules/registry';
import { ORDER, sections, sepText } from './section-helpers';

const FINAL_ST = { status: 'Final', type: 'Standards Track', created: '2026-04-01' };
const FILE = '4242-widget-ping-timeout.md';
const data = (entries: Array<[number, number, number, number]>, repository = 'example-org/conformance'): ConformanceData => ({
  repository,
  seps: new Map(entries.map(([n, tested, untested, excluded]) => [n, { tested, untested, excluded }])),
});

function check(text: string, conformance?: ConformanceData, fileName = FILE) {
  return lint(parseSep(text, { fileName }), { ruleSet: [ruleById('conformance-tests')!], today: '2026-11-25', finalSeps: 'full', conformance });
}

test('conformance-tests with data: a listed SEP meets it even without a mention in the text', () => {
  assert.equal(check(sepText(FINAL_ST)).length, 1, 'without data the missing mention is reported');
  assert.deepEqual(check(sepText(FINAL_ST), data([[4242, 3, 1, 2]])), []);
  assert.deepEqual(check(sepText(FINAL_ST), data([[4242, 0, 0, 5]])), [], 'an all-excluded file is still traceability data');
});

test('conformance-tests with data: an unlisted SEP is reported even when its text mentions conformance tests', () => {
  const mentioned = sections(ORDER, { Specification: '## Specification\n\nServers MUST answer. The conformance scenario covers it.\n' });
  const found = check(sepText({ ...FINAL_ST, body: mentioned }), data([[1111, 1, 0, 0]]));
  assert.equal(found.length, 1);
  assert.match(found[0].message, /example-org\/conformance has no traceability data for SEP-4242/);
  assert.match(found[0].message, /sep-4242\.yaml/);
  assert.equal(found[0].severity, 'information');
});

test('conformance-tests with data: the exemption, scope and an unnumbered draft work as before', () => {
  const exempt = sections(ORDER, { Specification: '## Specification\n\nThis SEP has no observable protocol behavior.\n' });
  const none = data([]);
  assert.deepEqual(check(sepText({ ...FINAL_ST, body: exempt }), none), []);
  assert.deepEqual(check(sepText({ ...FINAL_ST, created: '2026-03-26' }), none), []);
  assert.deepEqual(check(sepText({ ...FINAL_ST, type: 'Process' }), none), []);
  assert.deepEqual(check(sepText({ ...FINAL_ST, status: 'Accepted' }), none), []);
  const draft = sepText(FINAL_ST).replace('# SEP-4242:', '# SEP-0000:');
  const found = check(draft, none, '0000-widget.md');
  assert.equal(found.length, 1, 'no number: the data cannot say, so the mention check applies');
  assert.doesNotMatch(found[0].message, /no traceability data/);
});

test('title hover: the SEP\'s counts in the conformance repository, or that it has none', () => {
  const doc = parseSep(sepText(FINAL_ST), { fileName: FILE });
  const onTitle = { line: 0, character: 12 };
  assert.equal(hoverAt(doc, onTitle), undefined, 'no data, no conformance hover');
  const listed = hoverAt(doc, onTitle, undefined, data([[4242, 3, 1, 2]]))!;
  assert.match(listed.markdown, /SEP-4242 conformance\*\* \(`example-org\/conformance`\): 3 tested · 1 untested · 2 excluded/);
  assert.equal(listed.range.start.line, 0);
  const missing = hoverAt(doc, onTitle, undefined, data([[7, 1, 0, 0]]))!;
  assert.match(missing.markdown, /has no traceability data for this SEP/);
  assert.equal(hoverAt(doc, { line: 2, character: 25 }, undefined, data([[4242, 3, 1, 2]]))?.markdown.includes('conformance'), undefined);
});
