import type { Range, SepDocument, SepSection } from '../types';
import { SECTIONS } from '../../../../common/vocabulary';
import { levelFix, locatePhrase, renameFix } from './section-fixes';
import { findSection, missingSections as absentSections, renameIsCertain, type SectionMatch } from './section-model';
import { addAllSectionsFix, addSectionFix } from '../fixes/sections';
import { reorderSectionsFix } from '../fixes/structure';
import { TEMPLATE_FINGERPRINTS, TEMPLATE_NOTES, type Fingerprint } from './template-text';
import { LINE_BREAK } from '../text';
import { missingRange } from './support';
import { sepStage } from './facts';
import { rangeContains } from '../text';
import type { Report, Rule } from './types';

/**
 * Rules about the standard `##` sections (Abstract ... Reference
 * Implementation). Each is built by a parameterised kind; all of them read
 * the shared section model, so one heading is reported by one rule only.
 */

const quote = (s: string) => `"${s}"`;

/** Kind: one report per standard section the SEP's Type calls for and the document lacks. */
export function missingSections(id: string): Rule {
  return {
    id,
    defaultSeverity: 'warning',
    description: 'A standard section (Abstract, Motivation, Specification, Rationale, Backward Compatibility, Security Implications, Reference Implementation) is missing.',
    // An inserted section is template text the author has not written yet.
    fixKinds: ['suggestion'],
    check(doc) {
      const m = doc.sectionModel;
      const missing = absentSections(doc);
      // "Add all" is offered on each finding when there is more than one to add.
      const all = () => (missing.length > 1 ? addAllSectionsFix(doc, missing.map((spec) => spec.name)) : undefined);
      return missing.map((spec) => {
          const alike = m.lookalikes.get(spec.name)?.section.heading;
          const hint = alike
            ? ` (The ${'#'.repeat(alike.depth)} ${quote(alike.text)} heading on line ${alike.range.start.line + 1} may be meant as this section: make it "## ${spec.name}".)`
            : '';
          return {
            range: missingRange(doc),
            message: `Add a "## ${spec.name}" section. It holds: ${spec.purpose}${hint}`,
            data: { section: spec.name },
            fixes: () => [addSectionFix(doc, spec.name), all()],
          };
        });
    },
  };
}

/** Kind: a `##` heading standing for a standard section under another name; fix renames it. */
export function nearMissNames(id: string): Rule {
  return {
    id,
    defaultSeverity: 'warning',
    description: 'A heading looks like a standard section under another name (`Backwards Compatibility`, `Security Considerations`, `Abstract:`).',
    // Certain for another spelling of the name; a heading of another meaning (`Summary`, `Specification Changes`) is only suggested.
    fixKinds: ['certain', 'suggestion'],
    check(doc) {
      return [...doc.sectionModel.present.values()]
        .filter((m) => m.kind !== 'exact')
        .map((m) => {
          const h = m.section.heading;
          return {
            range: h.range,
            message:
              `${quote(h.raw.trim())} stands for the standard section ${quote(m.spec.name)}; rename it so reviewers and tools find it.` +
              (m.kind === 'extended' ? ' Say what the longer name added in the section\'s first sentence.' : ''),
            data: { section: m.spec.name, found: h.raw.trim(), kind: m.kind },
            fixes: () => [renameFix(doc, h, m.spec.name, renameIsCertain(m.kind) ? 'certain' : 'suggestion')],
          };
        });
    },
  };
}

/** Kind: a standard section written at level 1 or 3+ (and none at level 2); fix changes the `#` marks. */
export function headingLevels(id: string): Rule {
  return {
    id,
    defaultSeverity: 'warning',
    description: 'A standard section is written as a `#` or `###` heading instead of `##`.',
    fixKinds: ['certain'],
    check(doc) {
      return [...doc.sectionModel.misplaced.values()].map((m) => {
        const h = m.section.heading;
        return {
          range: h.range,
          message: `${quote(m.spec.name)} is a level-${h.depth} heading; standard sections are level 2: write it as "## ${m.spec.name}".`,
          data: { section: m.spec.name, depth: h.depth },
          fixes: () => [levelFix(doc, h)],
        };
      });
    },
  };
}

/**
 * Kind: standard sections out of order. `ranks` lists the sections in order;
 * names sharing a rank may come in either order. Reports the fewest headings
 * that, moved, would put the rest in order.
 */
export function sectionOrder(id: string, ranks: readonly (readonly string[])[]): Rule {
  const rankOf = new Map(ranks.flatMap((names, i) => names.map((n) => [n, i] as const)));
  const order = ranks.map((names) => names.join(' / ')).join(', ');
  return {
    id,
    defaultSeverity: 'information',
    description: 'The standard sections are not in the template\'s order.',
    // Whole sections move; nothing is written.
    fixKinds: ['certain'],
    check(doc) {
      const found = [...doc.sectionModel.present.values()]
        .filter((m) => rankOf.has(m.spec.name))
        .sort((a, b) => a.section.heading.range.start.line - b.section.heading.range.start.line);
      const rank = (m: SectionMatch) => rankOf.get(m.spec.name)!;
      const kept = longestOrdered(found.map(rank));
      return found
        .filter((_, i) => !kept.has(i))
        .map((m) => {
          const keptMatches = found.filter((_, i) => kept.has(i));
          const next = keptMatches.find((k) => rank(k) > rank(m));
          const prev = [...keptMatches].reverse().find((k) => rank(k) < rank(m));
          const where: Record<string, string> = next ? { before: next.spec.name } : { after: prev?.spec.name ?? '' };
          const place = next ? `before ${quote(next.spec.name)}` : `after ${quote(prev?.spec.name ?? '')}`;
          return {
            range: m.section.heading.range,
            message: `Move ${quote(m.spec.name)} ${place}: standard sections go in the order ${order}.`,
            data: { section: m.spec.name, ...where },
            fixes: () => [reorderSectionsFix(doc)],
          };
        });
    },
  };
}

/** Indexes of a largest subsequence with non-decreasing ranks; ties keep the earliest headings. */
function longestOrdered(ranks: number[]): Set<number> {
  let best: number[] = [];
  const n = Math.min(ranks.length, 16);
  for (let mask = 0; mask < 1 << n; mask++) {
    const picked: number[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) picked.push(i);
    if (picked.some((p, k) => k > 0 && ranks[picked[k - 1]] > ranks[p])) continue;
    if (picked.length > best.length || (picked.length === best.length && lexLess(picked, best))) best = picked;
  }
  return new Set(best);
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/** Kind: a standard section's heading appearing a second time. */
export function duplicateSections(id: string): Rule {
  return {
    id,
    defaultSeverity: 'warning',
    description: 'A standard section appears more than once.',
    fixKinds: [],
    check(doc) {
      const m = doc.sectionModel;
      return m.duplicates.map((d) => {
        const first = m.present.get(d.spec.name)!.section.heading;
        return {
          range: d.section.heading.range,
          message: `${quote(d.spec.name)} already appears on line ${first.range.start.line + 1}; merge this section into that one (or rename it if it is about something else).`,
          data: { section: d.spec.name, firstLine: first.range.start.line + 1 },
        };
      });
    },
  };
}

/** Kind: a standard section with nothing but whitespace and HTML comments under it. */
export function emptySections(id: string): Rule {
  return {
    id,
    defaultSeverity: 'warning',
    description: 'A standard section has a heading but no content.',
    fixKinds: [],
    check(doc) {
      return SECTIONS.flatMap((spec) => {
        const m = findSection(doc, spec.name);
        if (!m || m.section.hasContent) return [];
        const report: Report = { range: m.section.heading.range, message: `${quote(spec.name)} is empty. Write it: ${spec.purpose}`, data: { section: spec.name } };
        // A draft not yet numbered keeps the template's guidance comment until the author gets to the section.
        if (sepStage(doc) === 'unnumbered' && holdsComment(doc, m.section.bodyRange)) report.stage = 'expected';
        return [report];
      });
    },
  };
}

function holdsComment(doc: SepDocument, body: Range): boolean {
  return doc.comments.some((c) => rangeContains(body, c.range.start));
}

/** Kind: guidance text of the template left in a section (or the template's notes left anywhere). */
export function templateText(id: string, fingerprints: readonly Fingerprint[], notes: readonly string[]): Rule {
  return {
    id,
    defaultSeverity: 'warning',
    description: 'A section still holds the template\'s guidance text instead of the author\'s own.',
    fixKinds: [],
    check(doc) {
      const reports: Report[] = [];
      for (const section of doc.sections) {
        const name = sectionName(doc, section);
        const fp = fingerprints.find((f) => f.section === name);
        if (!fp) continue;
        const prose = section.foldedText;
        const phrase = fp.phrases.find((p) => prose.includes(p));
        if (!phrase) continue;
        const range = locatePhrase(doc, phrase, section.bodyRange);
        reports.push({
          range: range ?? section.heading.range,
          message: `${quote(section.heading.text)} still holds the template's guidance ("${range ? textAt(doc, range) : phrase}…"); replace it with your own text.`,
          data: { section: fp.section },
        });
      }
      for (const note of notes) {
        const range = locatePhrase(doc, note);
        if (range) {
          reports.push({ range, message: `The template's note "${textAt(doc, range)}…" is still here; delete it once your SEP follows the structure.`, data: { section: '' } });
        }
      }
      return reports;
    },
  };
}

/** The document's text in a range, on one line (blockquote marks and line breaks folded). */
function textAt(doc: SepDocument, range: Range): string {
  const index = doc.lines;
  // A line break, the white space before it and the white space and `>` marks after it become one space.
  return doc.text.slice(index.offset(range.start), index.offset(range.end)).replace(/[\s>]+/g, (run) => {
    const br = LINE_BREAK.exec(run);
    return br ? `${run.slice(0, br.index).trimEnd()} ` : run;
  });
}

/** A section's standard name: the standard section it stands for, else its heading text. */
function sectionName(doc: SepDocument, s: SepSection): string {
  const m = s.heading.depth === 2 ? doc.sectionModel.match(s.heading) : undefined;
  if (m && m.kind !== 'typo' && m.kind !== 'extended') return m.spec.name;
  return s.heading.text.toLowerCase() === 'acknowledgements' ? 'Acknowledgments' : s.heading.text;
}

/** Kind: a section's prose longer than `above` words (and at most `upTo`, when given). */
export function sectionLength(id: string, opts: { section: string; above: number; upTo?: number; severity: Rule['defaultSeverity'] }): Rule {
  const limit = opts.upTo === undefined ? `more than ${opts.above}` : `between ${opts.above + 1} and ${opts.upTo}`;
  return {
    id,
    defaultSeverity: opts.severity,
    description: `The ${opts.section} is ${limit} words long (the guidelines ask for about 200).`,
    fixKinds: [],
    check(doc) {
      const m = findSection(doc, opts.section);
      const n = m?.section.wordCount ?? 0;
      if (!m || n <= opts.above || (opts.upTo !== undefined && n > opts.upTo)) return [];
      return [{
        range: m.section.heading.range,
        message: `The ${opts.section} has ${n} words; the guidelines ask for a short summary of about 200. Keep the essentials and move details to Motivation or Specification.`,
        data: { section: opts.section, words: n },
      }];
    },
  };
}

/** The section rules, in the order the registry documents them. */
export const SECTION_RULES: Rule[] = [
  missingSections('section-missing'),
  sectionOrder('section-order', [['Abstract'], ['Motivation'], ['Specification'], ['Rationale'], ['Backward Compatibility'], ['Security Implications', 'Reference Implementation']]),
  duplicateSections('section-duplicate'),
  emptySections('section-empty'),
  templateText('section-template-text', TEMPLATE_FINGERPRINTS, TEMPLATE_NOTES),
  nearMissNames('section-near-miss'),
  headingLevels('section-heading-level'),
  sectionLength('abstract-long', { section: 'Abstract', above: 200, upTo: 300, severity: 'information' }),
  sectionLength('abstract-too-long', { section: 'Abstract', above: 300, severity: 'warning' }),
];
