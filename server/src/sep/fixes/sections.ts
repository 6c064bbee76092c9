import { LineIndex } from '../text';
import type { SepDocument, SepSection, TextEdit } from '../types';
import { SECTIONS, sectionSpec, type SectionSpec } from '../../../../common/vocabulary';
import type { Fix } from '../rules/types';

interface Present {
  order: number;
  section: SepSection;
}

/**
 * Standard sections present as the section rules see them (the `##` section
 * standing for each, or one with the exact name at another level), document order.
 */
function presentSections(doc: SepDocument): Present[] {
  const model = doc.sectionModel;
  return [...model.present.values(), ...model.misplaced.values()]
    .map((m) => ({ order: SECTIONS.indexOf(m.spec), section: m.section }))
    .sort((x, y) => x.section.heading.range.start.line - y.section.heading.range.start.line);
}

/** The one-line hint placed under an inserted heading: the section's purpose, in our words. */
export function sectionHint(spec: SectionSpec): string {
  return `<!-- ${spec.purpose.replace(/--/g, '-')} -->`;
}

/**
 * Offset where a missing section goes: after the nearest preceding standard
 * section present, else before the nearest following one, else after the
 * header (or title). Never inside a code block left open at the end.
 */
export function sectionAnchor(doc: SepDocument, spec: SectionSpec, index = doc.lines): number {
  const order = SECTIONS.indexOf(spec);
  const present = presentSections(doc);
  let before: Present | undefined;
  for (const p of present) if (p.order < order && (!before || p.order >= before.order)) before = p;
  let offset: number;
  if (before) offset = index.offset(before.section.bodyRange.end);
  else {
    const after = present.filter((p) => p.order > order).sort((a, b) => a.order - b.order)[0];
    offset = after ? index.offset({ line: after.section.heading.range.start.line, character: 0 }) : preambleEnd(doc, index);
  }
  for (const fence of doc.unclosedFences) {
    const start = index.offset({ line: fence.start.line, character: 0 });
    if (offset > start) offset = start;
  }
  return offset;
}

/** Where the first section goes when none is present: after the section holding the header, the header, or the title. */
function preambleEnd(doc: SepDocument, index: LineIndex): number {
  const header = doc.header.range;
  if (header) {
    const holder = doc.sections.filter((s) => s.heading.depth >= 2 && s.heading.range.start.line < header.start.line).pop();
    if (holder && index.offset(holder.bodyRange.end) >= index.offset(header.end)) return index.offset(holder.bodyRange.end);
    const next = doc.headings.find((h) => h.range.start.line > header.end.line);
    return next ? index.offset({ line: next.range.start.line, character: 0 }) : doc.text.length;
  }
  if (doc.title) {
    const next = doc.headings.find((h) => h.range.start.line > doc.title!.range.end.line);
    return next ? index.offset({ line: next.range.start.line, character: 0 }) : doc.text.length;
  }
  const first = doc.headings.find((h) => h.depth >= 2);
  return first ? index.offset({ line: first.range.start.line, character: 0 }) : doc.text.length;
}

/** Text inserting the given sections at `offset`, with blank lines around. */
function insertionText(doc: SepDocument, offset: number, specs: SectionSpec[]): string {
  const eol = doc.eol;
  const body = specs.map((s) => `## ${s.name}${eol}${eol}${sectionHint(s)}${eol}`).join(eol);
  const before = doc.text.slice(0, offset);
  let lead = '';
  if (before.length > 0 && !/[\r\n]$/.test(before)) lead = eol + eol;
  else if (before.length > 0 && !/\n[ \t]*\r?\n$/.test(before) && before.trim() !== '') lead = eol;
  const atEnd = doc.text.slice(offset).trim() === '';
  return lead + body + (atEnd ? '' : eol);
}

function insertEdit(doc: SepDocument, offset: number, specs: SectionSpec[], index: LineIndex): TextEdit {
  const p = index.position(offset);
  return { range: { start: p, end: p }, newText: insertionText(doc, offset, specs) };
}

/** Fix for one missing section: its heading and a comment saying what it holds, at the canonical position. */
export function addSectionFix(doc: SepDocument, name: string): Fix | undefined {
  const spec = sectionSpec(name);
  if (!spec) return undefined;
  const index = doc.lines;
  return { title: `Add missing section "${spec.name}"`, kind: 'suggestion', edits: [insertEdit(doc, sectionAnchor(doc, spec, index), [spec], index)] };
}

/** One fix adding the given sections, each at its canonical position (several at one spot in canonical order). */
export function addAllSectionsFix(doc: SepDocument, names: readonly string[]): Fix | undefined {
  const specs = SECTIONS.filter((s) => names.some((n) => n.toLowerCase() === s.name.toLowerCase()));
  if (specs.length === 0) return undefined;
  const index = doc.lines;
  const groups = new Map<number, SectionSpec[]>();
  for (const s of specs) {
    const offset = sectionAnchor(doc, s, index);
    groups.set(offset, [...(groups.get(offset) ?? []), s]);
  }
  const edits = [...groups].map(([offset, group]) => insertEdit(doc, offset, group, index));
  return { title: 'Add all missing sections', kind: 'suggestion', edits };
}
