import type { Node } from 'unist';
import { span } from '../mdast';

/** One run of an inline container's text: a text node's value or a code span's, with where it sits in the source. */
interface Piece {
  /** Where the piece starts in the flattened text. */
  at: number;
  value: string;
  /** Source offsets of the node. */
  start: number;
  end: number;
  code: boolean;
  /** Source offset of each character of `value`, when the value is not the source slice as is (escapes, entities, indentation). */
  offsets?: Int32Array;
}

/** An inline container (paragraph, heading, table cell) flattened to plain text, mapping back to source offsets. */
export interface FlatText {
  text: string;
  /** Per character of `text`: whether it comes from a code span. */
  code: Uint8Array;
  /** The source offset of the character at `i` of `text`. */
  sourceOffset(i: number): number;
}

const SKIPPED = new Set(['html', 'image', 'imageReference', 'footnoteReference', 'definition']);

/**
 * Flattens an inline container: text and code spans in order, a line break (hard or soft) as a space, HTML and
 * images left out. `source` is the text the node's offsets point into, shifted by `base`. Iterative.
 */
export function flatten(node: Node, source: string, base: number): FlatText {
  const pieces: Piece[] = [];
  let at = 0;
  const stack: Node[] = [];
  const kids = (node as { children?: Node[] }).children ?? [];
  for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  while (stack.length) {
    const n = stack.pop()!;
    if (SKIPPED.has(n.type)) continue;
    const [s, e] = span(n);
    if (n.type === 'text' || n.type === 'inlineCode') {
      const value = (n as unknown as { value: string }).value.replace(/\r\n|\r|\n/g, ' ');
      pieces.push(piece(at, value, base + s, base + e, n.type === 'inlineCode', source));
      at += value.length;
    } else if (n.type === 'break') {
      pieces.push({ at, value: ' ', start: base + s, end: base + e, code: false });
      at += 1;
    } else {
      const c = (n as { children?: Node[] }).children;
      if (c) for (let i = c.length - 1; i >= 0; i--) stack.push(c[i]);
    }
  }
  const text = pieces.map((p) => p.value).join('');
  const code = new Uint8Array(text.length);
  for (const p of pieces) if (p.code) code.fill(1, p.at, p.at + p.value.length);
  return {
    text,
    code,
    sourceOffset(i: number): number {
      if (!pieces.length) return base;
      let lo = 0;
      let hi = pieces.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (pieces[mid].at <= i) lo = mid;
        else hi = mid - 1;
      }
      const p = pieces[lo];
      const k = Math.max(0, Math.min(i - p.at, p.value.length - 1));
      if (p.offsets) return p.offsets[k] ?? p.start;
      return Math.min(p.start + k, p.end);
    },
  };
}

/** How far ahead a value character is looked for in the source: bounds the alignment to linear time. */
const ALIGN_WINDOW = 64;
const WHITE = /\s/;

/**
 * A piece with its character offsets. A code span's value sits inside its backticks; a text node's value may
 * differ from its source (a `\*` escape, `&amp;`, a list item's indentation), so its characters are aligned with
 * the source greedily, left to right, each looked for at most {@link ALIGN_WINDOW} characters ahead: linear, and
 * exact whenever each value character appears in the source in order.
 */
function piece(at: number, value: string, start: number, end: number, code: boolean, source: string): Piece {
  const raw = source.slice(start, end);
  if (!code && raw === value) return { at, value, start, end, code };
  const offsets = new Int32Array(value.length);
  let j = 0;
  if (code) {
    const inner = raw.indexOf(value.trim());
    j = inner === -1 ? 0 : Math.max(0, inner - (value.length - value.trimStart().length));
  }
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const limit = Math.min(raw.length, j + ALIGN_WINDOW);
    let k = j;
    while (k < limit && raw[k] !== c && !(c === ' ' && WHITE.test(raw[k]))) k++;
    const found = k < limit;
    if (found) j = k;
    offsets[i] = start + Math.min(j, raw.length);
    if (found) j++;
  }
  return { at, value, start, end, code, offsets };
}
