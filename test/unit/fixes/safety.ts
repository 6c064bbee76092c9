import assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/sep';
import { applyEdits, fixAll } from '../../../server/src/sep/fixes';
import { matchHeading } from '../../../server/src/sep/rules/section-model';
import { TODAY } from './helpers';
import { bodyLines, check, lostLines, offered, parseSep } from './corpus';

/**
 * The safety properties of fixes, checked on one document at a time; the
 * property tests feed them generated and damaged reference SEPs.
 */

/** Rules whose every finding fix-all must settle (their fixes are automatic). */
const SETTLED = [
  'title-missing', 'header-missing', 'field-status-missing', 'field-type-missing', 'field-created-missing', 'field-authors-missing',
  'field-sponsor-missing', 'field-pr-missing', 'field-order', 'status-noncanonical', 'type-noncanonical', 'created-format',
  'section-missing', 'section-order', 'section-near-miss', 'section-heading-level', 'website-unreadable',
];

const lines = (fs: Finding[]) => fs.map((f) => `${f.rule}@${f.range.start.line + 1}: ${f.message}`);

/**
 * Fix-all on one document: keeps every body line, keeps every heading (by
 * text, or by the standard section it stood for), keeps the values that had
 * nothing reported on them, is stable, and leaves nothing automatic to do.
 */
export function assertFixAllSafe(fileName: string, text: string): void {
  const before = parseSep(text, { fileName });
  const findings = check(text, fileName, before);
  const r = fixAll(text, { fileName, today: TODAY });
  const after = parseSep(r.text, { fileName });

  assert.deepEqual(lostLines(bodyLines(text, fileName, before), bodyLines(r.text, fileName, after)), [], 'author text lost');
  const headingNames = new Set(after.headings.map((h) => h.text));
  for (const h of before.headings) {
    if (before.title && h.range.start.line === before.title.range.start.line) continue;
    const std = matchHeading(h)?.spec.name;
    assert.ok(headingNames.has(h.text) || (std !== undefined && headingNames.has(std)), `heading "${h.raw}" lost`);
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
  // A near miss with extra words of the author's (`Specification Changes`) is renamed only on request.
  // A header table is rewritten as bullets only on request too.
  const settled = left.filter((f) => SETTLED.includes(f.rule) && !(f.rule === 'section-near-miss' && f.data?.kind === 'extended') && !(f.rule === 'website-unreadable' && f.data?.kind === 'table'));
  assert.deepEqual(lines(settled), [], 'fixable rule still reports');
  assert.deepEqual(lines(left.filter((f) => offered(r.text, fileName, f, after).some((x) => x.auto))), [], 'automatic fix left unapplied');
}

/** Each fix offered alone: its own finding goes, and no rule reports more Errors than before. */
export function assertQuickFixesSafe(fileName: string, text: string, maxFindings = 40): void {
  const doc = parseSep(text, { fileName });
  const findings = check(text, fileName, doc);
  const errorsBefore = count(findings.filter((f) => f.severity === 'error'));
  for (const f of findings.slice(0, maxFindings)) {
    for (const fix of offered(text, fileName, f, doc).slice(0, 3)) {
      const out = applyEdits(text, fix.edits);
      const now = check(out, fileName);
      const label = `${f.rule} "${fix.title}" on ${fileName}`;
      // Twins (same rule, message and data, e.g. a field given twice) count as one kind: one fewer must be left.
      const same = (x: Finding) => x.rule === f.rule && x.message === f.message && JSON.stringify(x.data) === JSON.stringify(f.data);
      assert.ok(now.filter(same).length < findings.filter(same).length, `${label}: its finding stays`);
      const errorsAfter = count(now.filter((x) => x.severity === 'error'));
      for (const [rule, n] of errorsAfter) assert.ok(n <= (errorsBefore.get(rule) ?? 0), `${label}: new Error ${rule}\n${lines(now.filter((x) => x.rule === rule)).join('\n')}`);
    }
  }
}

function count(fs: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of fs) m.set(f.rule, (m.get(f.rule) ?? 0) + 1);
  return m;
}

