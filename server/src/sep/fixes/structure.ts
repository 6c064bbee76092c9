import { LineIndex } from '../text';
import type { SepDocument, SepSection, TextEdit } from '../types';
import { SECTIONS } from '../../../../common/vocabulary';
import type { Fix } from '../rules/types';

/**
 * Position of a standard section in the required order. Security
 * Implications and Reference Implementation share one: the template puts
 * Security first, yet many merged SEPs end with the implementation, and the
 * section-order rule accepts both.
 */
function rank(name: string): number {
  const i = SECTIONS.findIndex((s) => s.name === name);
  return name === 'Reference Implementation' ? SECTIONS.findIndex((s) => s.name === 'Security Implications') : i;
}

interface Slot {
  order: number;
  start: number;
  end: number;
}

/**
 * Moves the standard `##` sections (each with its whole body and
 * subsections) into canonical order. Other sections keep their place; each slot a standard
 * section occupied receives the one that belongs there. No fix when a code
 * block is left open (moving it would swallow what follows).
 */
export function reorderSectionsFix(doc: SepDocument): Fix | undefined {
  if (doc.unclosedFences.length) return undefined;
  const index = doc.lines;
  // Every `##` section standing for a standard one moves, duplicates too, so
  // the one the rules look at cannot be left behind by a twin.
  const slots: Slot[] = doc.sections
    .filter((s) => s.heading.depth === 2)
    .map((s) => ({ s, spec: doc.sectionModel.match(s.heading)?.spec }))
    .filter((x) => x.spec)
    .map((x) => ({ order: rank(x.spec!.name), ...chunk(x.s, index) }));
  const sorted = [...slots].sort((a, b) => a.order - b.order);
  if (sorted.every((s, i) => s === slots[i])) return undefined;
  // Only the sections' text moves; the blank lines after each stay where they are.
  const edits: TextEdit[] = [];
  slots.forEach((slot, i) => {
    if (sorted[i] === slot) return;
    edits.push({ range: index.range(slot.start, slot.end), newText: doc.text.slice(sorted[i].start, sorted[i].end) });
  });
  return { title: 'Move sections into the standard order', kind: 'certain', edits };
}

/** A section from the start of its heading line to the end of its last non-blank text. */
function chunk(s: SepSection, index: LineIndex): { start: number; end: number } {
  const start = index.offset({ line: s.heading.range.start.line, character: 0 });
  let end = index.offset(s.bodyRange.end);
  while (end > start && /\s/.test(index.text[end - 1])) end--;
  return { start, end };
}
