import type { SepDocument, SepHeading, SepSection } from '../types';
import { SECTIONS, type SectionSpec } from '../../../../common/vocabulary';
import { sepType } from './facts';

/**
 * Which of a SEP's sections stand for the standard sections, decided once per
 * document and shared by every section and lifecycle rule, so that a heading
 * is reported by exactly one of them: a near-miss name by section-near-miss,
 * a wrong heading level by section-heading-level, and only a section that is
 * truly absent by section-missing.
 */

/**
 * How a `##` heading matches a standard section, best first:
 * `exact` the canonical name; `variant` the name in another case or with a
 * trailing colon; `spelling` a listed other spelling (`Backwards Compatibility`);
 * `listed` a known heading of another name (`Summary`); `typo` one or two
 * letters off; `extended` the name followed by more words
 * (`Specification Changes`).
 */
export type MatchKind = 'exact' | 'variant' | 'spelling' | 'listed' | 'typo' | 'extended';

const RANK: Record<MatchKind, number> = { exact: 0, variant: 1, spelling: 2, listed: 3, typo: 4, extended: 5 };

/** Whether renaming a heading of this match to the canonical name only corrects its spelling (fix-all may do it). */
export function renameIsCertain(kind: MatchKind): boolean {
  return kind === 'variant' || kind === 'spelling' || kind === 'typo';
}

/** The standard section a heading stands for, and how well it matches. */
export interface HeadingMatch {
  spec: SectionSpec;
  kind: MatchKind;
}

/** A section of the document standing for a standard section, and how its heading matches the name. */
export interface SectionMatch extends HeadingMatch {
  section: SepSection;
}

/** How a document's headings map onto the standard sections. */
export interface SectionModel {
  /** Canonical name → the `##` section standing for it (best match, then first in the document). */
  present: Map<string, SectionMatch>;
  /** Later `##` sections with the same heading text as the one present. */
  duplicates: SectionMatch[];
  /** Canonical name → a heading with exactly that name at level 1 or 3+, when no `##` one stands for it. */
  misplaced: Map<string, SectionMatch>;
  /**
   * Canonical name → a level-1 or 3+ heading under a known near-miss name
   * (`### Security Considerations`) when the section is otherwise missing:
   * not counted as the section, but worth pointing at.
   */
  lookalikes: Map<string, SectionMatch>;
  /** The standard sections this SEP's Type calls for, in canonical order. */
  required: SectionSpec[];
  /** The standard section any heading of the document stands for ({@link matchHeading}), answered from the document's table. */
  match(h: SepHeading): HeadingMatch | undefined;
}

/**
 * Sections a SEP Type may leave out. The template: "Process SEPs may not need
 * a Backward Compatibility section"; Informational SEPs propose no feature, so
 * there is nothing to break and nothing to implement.
 */
export const NOT_NEEDED_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  Process: ['Backward Compatibility'],
  Informational: ['Backward Compatibility', 'Reference Implementation'],
};



/** The standard sections this SEP's Type calls for that it lacks at any level, in canonical order. */
export function missingSections(doc: SepDocument): SectionSpec[] {
  const m = doc.sectionModel;
  return m.required.filter((spec) => !m.present.has(spec.name) && !m.misplaced.has(spec.name));
}

/** The section standing for a standard section, at the right level or not. */
export function findSection(doc: SepDocument, name: string): SectionMatch | undefined {
  const m = doc.sectionModel;
  return m.present.get(name) ?? m.misplaced.get(name);
}

/**
 * The section model of a document; read it as `doc.sectionModel`, which computes it once.
 * @param known the matches of headings by text, kept by the document's parser across versions (memo.ts)
 */
export function buildSectionModel(doc: SepDocument, known: Map<string, HeadingMatch | undefined> = new Map()): SectionModel {
  const match = (h: SepHeading): HeadingMatch | undefined => {
    const key = `${h.raw}\n${h.text}`;
    if (known.has(key)) return known.get(key);
    if (known.size >= MAX_KNOWN) known.clear();
    const found = matchHeading(h);
    known.set(key, found);
    return found;
  };
  const matches = doc.sections.filter((s) => s.heading.depth === 2).flatMap((section) => {
    const found = match(section.heading);
    return found ? [{ ...found, section }] : [];
  });
  const present = new Map<string, SectionMatch>();
  const duplicates: SectionMatch[] = [];
  const misplaced = new Map<string, SectionMatch>();
  const lookalikes = new Map<string, SectionMatch>();
  for (const spec of SECTIONS) {
    const mine = matches.filter((m) => m.spec === spec);
    const best = mine.reduce<SectionMatch | undefined>((b, m) => (!b || RANK[m.kind] < RANK[b.kind] ? m : b), undefined);
    if (best) {
      present.set(spec.name, best);
      const key = best.section.heading.text.toLowerCase();
      duplicates.push(...mine.filter((m) => m !== best && m.section.heading.text.toLowerCase() === key));
      continue;
    }
    const other = doc.sections.filter((s) => s.heading.depth !== 2 && !isTitle(doc, s.heading));
    const wrong = other.find((s) => s.heading.text.toLowerCase() === spec.name.toLowerCase());
    if (wrong) {
      misplaced.set(spec.name, { spec, section: wrong, kind: 'exact' });
      continue;
    }
    const alike = other.find((s) => spec.spellings.includes(s.heading.text.toLowerCase()) || spec.nearMisses.includes(s.heading.text.toLowerCase()));
    if (alike) lookalikes.set(spec.name, { spec, section: alike, kind: 'listed' });
  }
  const type = sepType(doc);
  const notNeeded = (type && NOT_NEEDED_BY_TYPE[type]) || [];
  const required = SECTIONS.filter((s) => s.required && !notNeeded.includes(s.name));
  duplicates.sort((a, b) => a.section.heading.range.start.line - b.section.heading.range.start.line);
  return { present, duplicates, misplaced, lookalikes, required, match };
}

/** A bound on a document's table of heading matches: far more headings than any SEP has. */
const MAX_KNOWN = 2000;

function isTitle(doc: SepDocument, h: SepHeading): boolean {
  return doc.title !== undefined && doc.title.range.start.line === h.range.start.line;
}

/**
 * The standard section a heading stands for, and how well it matches; computed each time. The rules read it through
 * `doc.sectionModel.match`, which keeps the answers.
 */
export function matchHeading(h: Pick<SepHeading, 'raw' | 'text'>): HeadingMatch | undefined {
  const text = h.text;
  const lower = text.toLowerCase();
  let end = h.raw.length;
  while (end > 0 && /[\s*_`]/.test(h.raw[end - 1])) end--;
  const colon = h.raw[end - 1] === ':';
  let best: HeadingMatch | undefined;
  for (const spec of SECTIONS) {
    const name = spec.name.toLowerCase();
    let kind: MatchKind | undefined;
    if (text === spec.name && !colon) kind = 'exact';
    else if (lower === name) kind = 'variant';
    else if (spec.spellings.includes(lower)) kind = 'spelling';
    else if (spec.nearMisses.includes(lower)) kind = 'listed';
    else if (editDistance(lower, name) <= (name.length >= 12 ? 2 : 1)) kind = 'typo';
    else if (lower.startsWith(name) && /^[\s(&,:/-]/.test(lower.slice(name.length))) kind = 'extended';
    if (kind && (!best || RANK[kind] < RANK[best.kind])) best = { spec, kind };
  }
  return best;
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
