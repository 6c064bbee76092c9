import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/sep/fixes';
import { matchHeading } from '../../../server/src/sep/rules/section-model';
import { SECTIONS } from '../../../common/vocabulary';
import type { SepDocument } from '../../../server/src/sep';
import { check, offered, parseSep, referenceSeps, removeSections } from './corpus';

/** Canonical rank; Security Implications and Reference Implementation may come in either order. */
const rank = (name: string) => (name === 'Reference Implementation' ? 5 : SECTIONS.findIndex((s) => s.name === name));

/** The restored, still empty `## name` section stands in template order among the document's standard sections. */
function assertPlaced(after: SepDocument, name: string, label: string): void {
  const std = after.sections.filter((s) => s.heading.depth === 2 && matchHeading(s.heading));
  const at = std.findIndex((s) => s.heading.raw === name && !s.hasContent);
  assert.ok(at !== -1, `${label}: no "## ${name}" heading`);
  const prev = std[at - 1] && rank(matchHeading(std[at - 1].heading)!.spec.name);
  const next = std[at + 1] && rank(matchHeading(std[at + 1].heading)!.spec.name);
  const placed = (prev !== undefined && prev <= rank(name)) || (next !== undefined && next >= rank(name)) || (prev === undefined && next === undefined);
  assert.ok(placed, `${label}: put between ranks ${prev} and ${next}`);
}

test('each required section removed in turn from each reference SEP: its own quick fix puts it back in place', (t) => {
  const refs = referenceSeps(t);
  if (!refs) return;
  let restored = 0;
  for (const ref of refs) {
    const doc = parseSep(ref.text, { fileName: ref.fileName });
    const model = doc.sectionModel;
    const inOrder = !check(ref.text, ref.fileName, doc).some((f) => f.rule === 'section-order');
    for (const spec of model.required.filter((s) => model.present.has(s.name))) {
      const label = `${ref.fileName} without ${spec.name}`;
      const text = removeSections(ref.text, ref.fileName, [spec.name]);
      const removed = parseSep(text, { fileName: ref.fileName });
      const missingNow = check(text, ref.fileName, removed).filter((f) => f.rule === 'section-missing');
      const finding = missingNow.find((f) => f.data?.section === spec.name);
      assert.ok(finding, `${label}: no section-missing`);
      const titles = offered(finding).map((f) => f.title);
      assert.equal(titles.includes('Add all missing sections'), missingNow.length > 1, `${label}: "Add all" offered with ${missingNow.length} missing`);
      const fix = offered(finding).find((f) => f.title === `Add missing section "${spec.name}"`);
      assert.ok(fix, `${label}: no "Add missing section" fix; offered: ${titles.join(', ')}`);
      assert.equal(fix.kind, 'suggestion');
      const out = applyEdits(text, fix.edits);
      const after = parseSep(out, { fileName: ref.fileName });
      const findings = check(out, ref.fileName, after);
      assert.ok(!findings.some((f) => f.rule === 'section-missing' && f.data?.section === spec.name), `${label}: still missing`);

      assertPlaced(after, spec.name, label);
      if (inOrder) assert.deepEqual(findings.filter((f) => f.rule === 'section-order').map((f) => f.message), [], `${label}: order broken`);
      restored++;
    }
  }
  assert.ok(restored >= 150, `only ${restored} sections restored`);
});

/** Every way to pick `k` of `items`, in order. */
function choose<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  return items.flatMap((x, i) => choose(items.slice(i + 1), k - 1).map((rest) => [x, ...rest]));
}

/** The lines of `text` in order, each kept: `part` is a subsequence of `whole`. */
function keepsLines(whole: string, part: string): boolean {
  const lines = whole.split('\n');
  let i = 0;
  for (const line of part.split('\n')) {
    while (i < lines.length && lines[i] !== line) i++;
    if (i++ >= lines.length) return false;
  }
  return true;
}

test('two and three sections removed at once from each reference SEP: each finding\'s own fix restores exactly its section', (t) => {
  const refs = referenceSeps(t);
  if (!refs) return;
  let restored = 0;
  for (const ref of refs) {
    const doc = parseSep(ref.text, { fileName: ref.fileName });
    const model = doc.sectionModel;
    const present = model.required.filter((s) => model.present.has(s.name)).map((s) => s.name);
    // A pair and a triple per SEP, rotating through all of them from one SEP to the next, so that every
    // section is removed alongside others across the corpus (all pairs and triples would take minutes).
    const pairs = choose(present, 2);
    const triples = choose(present, 3);
    const k: number = refs.indexOf(ref);
    const sets = [pairs[(3 * k) % pairs.length], triples[(5 * k) % triples.length]].filter((x) => x !== undefined);
    for (const names of sets) {
      const text = removeSections(ref.text, ref.fileName, names);
      const findings = check(text, ref.fileName).filter((f) => f.rule === 'section-missing');
      const missing = findings.map((f) => f.data?.section);
      for (const name of names) assert.ok(missing.includes(name), `${ref.fileName} without ${names.join(', ')}: ${name} not reported`);
      for (const finding of findings) {
        const name = String(finding.data?.section);
        const label = `${ref.fileName} without ${names.join(', ')}: fix for ${name}`;
        const fixes = offered(finding);
        assert.ok(fixes.some((f) => f.title === 'Add all missing sections'), `${label}: no "Add all" with ${findings.length} missing`);
        const fix = fixes.find((f) => f.title === `Add missing section "${name}"`);
        assert.ok(fix, `${label}: not offered; offered: ${fixes.map((f) => f.title).join(', ')}`);
        const out = applyEdits(text, fix.edits);
        assert.ok(keepsLines(out, text), `${label}: an original line was lost or reordered`);
        const after = parseSep(out, { fileName: ref.fileName });
        const stillMissing = check(out, ref.fileName, after).filter((f) => f.rule === 'section-missing').map((f) => f.data?.section);
        assert.deepEqual(stillMissing, missing.filter((m) => m !== name), `${label}: restored something else`);
        // Exactly one new heading, the section's, placed in template order among the standard sections.
        const added = out.split('\n').filter((l) => /^#{1,6} /.test(l)).length - text.split('\n').filter((l) => /^#{1,6} /.test(l)).length;
        assert.equal(added, 1, `${label}: ${added} headings added`);
        assertPlaced(after, name, label);
        restored++;
      }
    }
  }
  assert.ok(restored >= 200, `only ${restored} single-section fixes checked`);
});
