import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/sep/fixes';
import { matchHeading, sectionModel } from '../../../server/src/sep/rules/section-model';
import { SECTIONS } from '../../../server/src/sep/vocabulary';
import { check, offered, parseSep, referenceSeps, removeSections } from './corpus';

/** Canonical rank; Security Implications and Reference Implementation may come in either order. */
const rank = (name: string) => (name === 'Reference Implementation' ? 5 : SECTIONS.findIndex((s) => s.name === name));

test('each required section removed in turn from each reference SEP: "Add all missing sections" puts it back in place', (t) => {
  const refs = referenceSeps(t);
  if (!refs) return;
  let restored = 0;
  for (const ref of refs) {
    const doc = parseSep(ref.text, { fileName: ref.fileName });
    const model = sectionModel(doc);
    const inOrder = !check(ref.text, ref.fileName, doc).some((f) => f.rule === 'section-order');
    for (const spec of model.required.filter((s) => model.present.has(s.name))) {
      const label = `${ref.fileName} without ${spec.name}`;
      const text = removeSections(ref.text, ref.fileName, [spec.name]);
      const removed = parseSep(text, { fileName: ref.fileName });
      const finding = check(text, ref.fileName, removed).find((f) => f.rule === 'section-missing' && f.data?.section === spec.name);
      assert.ok(finding, `${label}: no section-missing`);
      const fix = offered(text, ref.fileName, finding, removed).find((f) => f.title === 'Add all missing sections');
      assert.ok(fix, `${label}: no "Add all missing sections"`);
      const out = applyEdits(text, fix.edits);
      const after = parseSep(out, { fileName: ref.fileName });
      const findings = check(out, ref.fileName, after);
      assert.deepEqual(findings.filter((f) => f.rule === 'section-missing').map((f) => f.message), [], `${label}: still missing`);

      const std = after.sections.filter((s) => s.heading.depth === 2 && matchHeading(s.heading));
      const at = std.findIndex((s) => s.heading.raw === spec.name && s.hasContent === false);
      assert.ok(at !== -1, `${label}: no "## ${spec.name}" heading`);
      const prev = std[at - 1] && rank(matchHeading(std[at - 1].heading)!.spec.name);
      const next = std[at + 1] && rank(matchHeading(std[at + 1].heading)!.spec.name);
      const placed = (prev !== undefined && prev <= rank(spec.name)) || (next !== undefined && next >= rank(spec.name)) || (prev === undefined && next === undefined);
      assert.ok(placed, `${label}: put between ranks ${prev} and ${next}`);
      if (inOrder) assert.deepEqual(findings.filter((f) => f.rule === 'section-order').map((f) => f.message), [], `${label}: order broken`);
      restored++;
    }
  }
  assert.ok(restored >= 150, `only ${restored} sections restored`);
});
