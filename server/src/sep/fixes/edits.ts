import { LineIndex } from '../text';
import type { TextEdit } from '../types';

/** An edit resolved to UTF-16 offsets of one text. */
interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

function toOffsets(index: LineIndex, edits: readonly TextEdit[]): OffsetEdit[] {
  return edits
    .map((e) => ({ start: index.offset(e.range.start), end: index.offset(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Whether the edits of one fix overlap each other (such a fix cannot be applied). */
function selfOverlap(sorted: OffsetEdit[]): boolean {
  for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) return true;
  return false;
}

/**
 * Applies edits to a text, as LSP clients do: all ranges refer to the
 * original text. Throws when two edits overlap.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = toOffsets(new LineIndex(text), edits);
  if (selfOverlap(sorted)) throw new Error('overlapping edits');
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Half-open offset spans of a group of edits, used to keep fix-all edits apart. */
export function editSpans(text: string, edits: readonly TextEdit[]): [number, number][] {
  return toOffsets(new LineIndex(text), edits).map((e) => [e.start, e.end]);
}

/** True when span `a` and span `b` share text or an insertion point touches the other. */
export function spansConflict(a: [number, number], b: [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}
