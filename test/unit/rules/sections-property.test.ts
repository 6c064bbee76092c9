import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint } from '../../../server/src/sep/lint';
import { parseSep } from '../../../server/src/sep/parse';
import { LIFECYCLE_RULES } from '../../../server/src/sep/rules/lifecycle';
import { SECTION_RULES } from '../../../server/src/sep/rules/sections';
import { SECTIONS } from '../../../common/vocabulary';
import { fixesOf } from './helpers';
import { applyFix, sepText } from './section-helpers';

/** Headings authors write: canonical names, near misses, variants, numbering, other sections. */
const NAMES = [
  ...SECTIONS.map((s) => s.name),
  'Backwards Compatibility', 'Security Considerations', 'Motivations', 'Abstract:', 'abstract', 'Summary',
  '1. Abstract', '3. Specification', 'Rationle', 'Specification Changes', 'Open Questions', 'Appendix', 'FAQ',
];
const BODIES = ['', '<!-- later -->', 'Some words of ours.', 'Why is this change needed? Because.', '```\n## Not a heading\n```'];

const section = fc.record({
  depth: fc.integer({ min: 1, max: 4 }),
  name: fc.constantFrom(...NAMES),
  body: fc.constantFrom(...BODIES),
});
const docArb: fc.Arbitrary<GeneratedSep> = fc.record({
  status: fc.constantFrom('Draft', 'Final', 'Accepted', 'Superseded', 'final', 'In Review'),
  type: fc.constantFrom('Standards Track', 'Process', 'Informational', 'Extensions Track', 'standard'),
  parts: fc.array(section, { maxLength: 12 }),
  crlf: fc.boolean(),
});

interface GeneratedSep {
  status: string;
  type: string;
  parts: { depth: number; name: string; body: string }[];
  crlf: boolean;
}

function build(d: GeneratedSep): string {
  const body = d.parts.map((p) => `${'#'.repeat(p.depth)} ${p.name}\n\n${p.body}\n`).join('\n');
  const text = sepText({ status: d.status, type: d.type, body });
  return d.crlf ? text.replace(/\n/g, '\r\n') : text;
}

const RULES = [...SECTION_RULES, ...LIFECYCLE_RULES];
const run = (text: string) => lint(parseSep(text), { ruleSet: RULES, today: '2026-11-25' });
const words = (s: string) => s.split(/\s+/).filter(Boolean);

test('section and lifecycle rules never throw, and one heading is reported by at most one of missing / near-miss / heading-level', () => {
  fc.assert(
    fc.property(docArb, (d) => {
      const found = run(build(d));
      assert.deepEqual(found.filter((f) => /failed on this document/.test(f.message)), []);
      const missing = new Set(found.filter((f) => f.rule === 'section-missing').map((f) => f.data?.section));
      for (const f of found.filter((x) => x.rule === 'section-near-miss' || x.rule === 'section-heading-level')) {
        assert.ok(!missing.has(f.data?.section), `${f.data?.section} reported as missing and as ${f.rule}`);
      }
      assert.ok(found.filter((f) => f.rule.startsWith('abstract-')).length <= 1);
    }),
    { numRuns: 300 },
  );
});

test('each rename and heading-level fix removes its own finding and keeps every other word of the author', () => {
  fc.assert(
    fc.property(docArb, (d) => {
      const text = build(d);
      for (const f of run(text).filter((x) => (x.rule === 'section-near-miss' || x.rule === 'section-heading-level') && fixesOf(x).length)) {
        const fixed = applyFix(text, fixesOf(f)[0]);
        const again = run(fixed).filter((x) => x.rule === f.rule && x.range.start.line === f.range.start.line);
        assert.deepEqual(again, [], `${f.rule} still reported after "${fixesOf(f)[0].title}"`);
        const line = f.range.start.line;
        const before = text.split(/\r?\n/);
        const after = fixed.split(/\r?\n/);
        if (f.rule === 'section-near-miss') {
          assert.deepEqual(after.filter((_, i) => i !== line), before.filter((_, i) => i !== line));
          const prefix = /^#+ (\d+\. )?/.exec(before[line])![0];
          assert.equal(after[line], `${prefix}${f.data?.section}`);
        } else {
          const prose = (lines: string[]) => words(lines.join(' ')).filter((w) => !/^[#=]+$/.test(w));
          assert.deepEqual(prose(after), prose(before));
          assert.match(after[line], /^## \S/);
        }
      }
    }),
    { numRuns: 300 },
  );
});
