import { test } from 'node:test';
import { findingData } from '../../support/findings';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/sep/lint';
import { parseSep } from '../../../server/src/sep/parse';
import { ALL_RULES, ruleById } from '../../../server/src/sep/rules/registry';
import type { Finding } from '../../../server/src/sep/rules/types';
import { FINAL_SEP_POLICY } from '../../../server/src/sep/final';
import { doc, GOOD_FILE, TODAY } from '../rules/helpers';
import { referenceSeps } from '../fixes/corpus';

/** A finding as the tests compare them: everything but the severity and message. */
const where = (f: Finding) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.rule}`;
const check = (text: string, fileName = GOOD_FILE, finalSeps?: 'quiet' | 'full') => lint(parseSep(text, { fileName }), { today: TODAY, finalSeps });
const HISTORICAL = /This SEP is Final.*historical records.*hint.*still shown/;

/** Our Final SEP: no Security Implications section (quiet), `Authors` spelled as the website cannot read (kept). */
const FINAL = doc({ set: { Status: 'Final', 'Author(s)': null, Authors: 'Grace (@grace)' }, body: '## Abstract\n\nLanterns agree on a colour.\n' });

test('final: every rule declares its policy on Final SEPs, and the kept ones say what the published page would get wrong', () => {
  const ids = ALL_RULES.map((r) => r.id);
  assert.deepEqual(Object.keys(FINAL_SEP_POLICY).filter((id) => !ids.includes(id)), [], 'policy for a rule that does not exist');
  assert.deepEqual(ids.filter((id) => !(id in FINAL_SEP_POLICY)), [], 'rules without a policy on Final SEPs');
  for (const [id, p] of Object.entries(FINAL_SEP_POLICY)) if (p.frozen === 'keep') assert.match(p.why, /website/, id);
});

test('final: on a Final SEP a form finding is a hint with its rule id and a note; a page-breaking one keeps its severity', () => {
  const found = check(FINAL);
  const missing = found.filter((f) => f.rule === 'section-missing');
  assert.ok(missing.length > 0);
  for (const f of missing) {
    assert.equal(f.severity, 'hint');
    assert.match(f.message, /^Add a "## /);
    assert.match(f.message, HISTORICAL);
  }
  const site = found.find((f) => f.rule === 'website-unreadable')!;
  assert.equal(site.severity, 'warning');
  assert.doesNotMatch(site.message, HISTORICAL);
  assert.deepEqual(found.filter((f) => f.severity !== 'hint').map((f) => f.rule), ['website-unreadable']);
});

test('final: `full` and a Draft status give the same findings at their usual severity, without the note', () => {
  const full = check(FINAL, GOOD_FILE, 'full');
  const quiet = check(FINAL);
  assert.deepEqual(quiet.map(where), full.map(where), 'quiet changes severities and messages, never which findings there are');
  for (const f of full) {
    assert.equal(f.severity, ruleById(f.rule)!.defaultSeverity, f.rule);
    assert.doesNotMatch(f.message, HISTORICAL);
  }
  const draft = FINAL.replace('- **Status**: Final', '- **Status**: Draft');
  for (const f of check(draft)) assert.equal(f.severity, ruleById(f.rule)!.defaultSeverity, f.rule);
});

test('final: only the document\'s own Status decides; `final` in any case counts, other end states and mentions do not', () => {
  const quietCount = (text: string) => check(text).filter((f) => f.severity === 'hint').length;
  assert.ok(quietCount(FINAL.replace('**Status**: Final', '**Status**: final')) > 0);
  for (const status of ['Draft', 'Accepted', 'Rejected', 'Withdrawn', 'Superseded', 'Dormant', 'Final?']) {
    assert.equal(quietCount(FINAL.replace('**Status**: Final', `**Status**: ${status}`)), 0, status);
  }
  const mentions = doc({ body: '## Abstract\n\nThis SEP will be Final soon.\n\n- **Status**: Final\n' });
  assert.equal(quietCount(mentions), 0, 'a Status line in the body is not the header');
});

test('final: a severity set in the settings is quiet too, `off` stays off, and a rule that throws is still an error', () => {
  const parsed = parseSep(FINAL, { fileName: GOOD_FILE });
  const set = lint(parsed, { today: TODAY, rules: { 'section-missing': 'error', 'authors-no-handle': 'off' } });
  assert.ok(set.filter((f) => f.rule === 'section-missing').every((f) => f.severity === 'hint'));
  assert.equal(set.filter((f) => f.rule === 'authors-no-handle').length, 0);
  const broken = { id: 'section-missing', defaultSeverity: 'warning' as const, description: 'throws', fixKinds: [], check: () => { throw new Error('boom'); } };
  const failed = lint(parsed, { ruleSet: [broken] });
  assert.equal(failed[0].severity, 'error');
});

test('final: over the reference SEPs (all Final) only findings that make the published page wrong are warnings; the rest are hints', (t) => {
  const seps = referenceSeps(t);
  if (!seps) return;
  const loud: string[] = [];
  for (const { fileName, text } of seps) {
    const quiet = check(text, fileName);
    const full = check(text, fileName, 'full');
    assert.deepEqual(quiet.map(where), full.map(where), fileName);
    quiet.forEach((f, i) => {
      if (f.severity === 'hint') {
        assert.ok(f.message.startsWith(`${full[i].message} `), `${fileName}: the note extends the message`);
        assert.match(f.message, HISTORICAL, fileName);
      } else {
        assert.equal(FINAL_SEP_POLICY[f.rule].frozen, 'keep', `${fileName} ${f.rule}`);
        assert.deepEqual(findingData([f]), findingData([full[i]]));
        loud.push(`${fileName}:${f.range.start.line + 1} ${f.severity} ${f.rule}`);
      }
    });
  }
  assert.deepEqual(loud, [
    '1302-formalize-working-groups-and-interest-groups-in-mc.md:9 warning website-unreadable',
    '1577--sampling-with-tools.md:13 warning website-unreadable',
    '1577--sampling-with-tools.md:18 warning website-unreadable',
  ]);
});

test('final: the reference SEPs with their Status set to Draft give every finding at its usual severity', (t) => {
  const seps = referenceSeps(t);
  if (!seps) return;
  for (const { fileName, text } of seps) {
    const status = parseSep(text, { fileName }).header.fields.find((f) => f.key === 'status')!;
    const lines = text.split('\n');
    const line = lines[status.valueRange.start.line];
    lines[status.valueRange.start.line] = line.slice(0, status.valueRange.start.character) + 'Draft' + line.slice(status.valueRange.end.character);
    const draft = lines.join('\n');
    const quiet = check(draft, fileName);
    assert.deepEqual(findingData(quiet), findingData(check(draft, fileName, 'full')), fileName);
    for (const f of quiet) {
      assert.equal(f.severity, ruleById(f.rule)!.defaultSeverity, `${fileName} ${f.rule}`);
      assert.doesNotMatch(f.message, HISTORICAL);
    }
  }
});
