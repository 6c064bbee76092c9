import assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/sep';
import { applyEdits, fixAll } from '../../../server/src/sep/fixes';
import { matchHeading, renameIsCertain } from '../../../server/src/sep/rules/section-model';
import { TEMPLATE_PLACEHOLDERS } from '../../../common/vocabulary';
import { TODAY } from './helpers';
import { bodyLines, check, lostLines, offered, parseSep } from './corpus';

/**
 * The safety properties of fixes, checked on one document at a time; the
 * property tests feed them generated and damaged reference SEPs.
 */

const lines = (fs: Finding[]) => fs.map((f) => `${f.rule}@${f.range.start.line + 1}: ${f.message}`);

const occurrences = (text: string, s: string): number => text.split(s).length - 1;

/**
 * Fix-all on one document applies certain fixes only:
 * - it never writes a template placeholder, today's date, a section the author did not write, or a comment;
 * - it keeps every body line, and every heading by its text or renamed to the standard name only when the
 *   rename corrects a spelling (the documented list), never a heading of another meaning;
 * - it keeps the values that had nothing reported on them, and the title's name;
 * - it is idempotent and leaves no certain fix of a problem (not a hint) unapplied;
 * - error findings of a rule go away only when a certain fix of that rule was applied.
 */
export function assertFixAllSafe(fileName: string, text: string): void {
  const before = parseSep(text, { fileName });
  const findings = check(text, fileName, before);
  const r = fixAll(text, { fileName, today: TODAY });
  const after = parseSep(r.text, { fileName });

  for (const p of [...TEMPLATE_PLACEHOLDERS, TODAY, '<!--']) {
    assert.ok(occurrences(r.text, p) <= occurrences(text, p), `fix-all wrote ${JSON.stringify(p)}`);
  }
  assert.ok(after.headings.length <= before.headings.length, 'fix-all added a heading');
  assert.deepEqual(lostLines(bodyLines(text, fileName, before), bodyLines(r.text, fileName, after)), [], 'author text lost');
  const headingNames = new Set(after.headings.map((h) => h.text));
  for (const h of before.headings) {
    if (before.title && h.range.start.line === before.title.range.start.line) continue;
    if (headingNames.has(h.text)) continue;
    const m = matchHeading(h);
    assert.ok(m && headingNames.has(m.spec.name), `heading "${h.raw}" lost`);
    assert.ok(renameIsCertain(m.kind), `heading "${h.raw}" renamed to "${m.spec.name}" by fix-all: a guess about its meaning`);
  }
  if (before.title?.name) assert.equal(after.title?.name, before.title.name, 'title name changed');
  for (const f of before.header.fields) {
    if (!f.key || before.header.fields.filter((x) => x.key === f.key).length > 1) continue;
    const touched = findings.some((x) => x.range.start.line <= f.range.end.line && x.range.end.line >= f.range.start.line);
    const now = after.header.fields.find((x) => x.key === f.key);
    assert.ok(now, `field ${f.name} lost`);
    if (!touched) assert.equal(now.value, f.value, `untouched field ${f.name} changed`);
  }

  assert.equal(fixAll(r.text, { fileName, today: TODAY }).text, r.text, 'second fix-all changed the text');
  const left = check(r.text, fileName, after);
  // Hints are not problems (a Final SEP's historical form, what a draft's stage expects): fix-all leaves them.
  const problems = left.filter((f) => f.severity !== 'hint');
  assert.deepEqual(lines(problems.filter((f) => offered(f).some((x) => x.kind === 'certain' && x.renameTo === undefined))), [], 'certain fix left unapplied');
  const fixedRules = new Set(r.applied.map((a) => a.rule));
  const errors = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule && f.severity === 'error').length;
  for (const rule of new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule))) {
    if (!fixedRules.has(rule)) assert.ok(errors(left, rule) >= errors(findings, rule), `${rule} errors went away without a certain fix of that rule`);
  }
}

/** Each fix offered alone: its own finding goes, and no rule reports more Errors than before. */
export function assertQuickFixesSafe(fileName: string, text: string, maxFindings = 40): void {
  const doc = parseSep(text, { fileName });
  const findings = check(text, fileName, doc);
  const errorsBefore = count(findings.filter((f) => f.severity === 'error'));
  for (const f of findings.slice(0, maxFindings)) {
    for (const fix of offered(f).slice(0, 3)) {
      const out = applyEdits(text, fix.edits);
      const now = check(out, fix.renameTo ?? fileName);
      const label = `${f.rule} "${fix.title}" on ${fileName}`;
      // Twins (same rule, message and data, e.g. a field given twice) count as one kind: one fewer must be left.
      const same = (x: Finding) => x.rule === f.rule && x.message === f.message && JSON.stringify(x.data) === JSON.stringify(f.data);
      assert.ok(now.filter(same).length < findings.filter(same).length, `${label}: its finding stays`);
      const errorsAfter = count(now.filter((x) => x.severity === 'error'));
      // Template text written into a numbered SEP is an Error by design (field-placeholder-numbered): the author must replace it.
      if (fix.edits.some((e) => TEMPLATE_PLACEHOLDERS.some((p) => e.newText.includes(p)))) errorsAfter.delete('field-placeholder-numbered');
      for (const [rule, n] of errorsAfter) assert.ok(n <= (errorsBefore.get(rule) ?? 0), `${label}: new Error ${rule}\n${lines(now.filter((x) => x.rule === rule)).join('\n')}`);
    }
  }
}

function count(fs: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of fs) m.set(f.rule, (m.get(f.rule) ?? 0) + 1);
  return m;
}
