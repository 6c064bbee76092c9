import type { Position, Range } from './types';

/** Maps UTF-16 offsets to LSP positions and back for one text. */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offset(p: Position): number {
    if (p.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, p.line)];
    return Math.min(start + p.character, this.lineEnd(p.line));
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Offset of the end of a line, before its line break (`\r\n` or `\n`). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return next > this.starts[line] && this.text[next - 1] === '\r' && next !== this.text.length ? next - 1 : next;
  }

  /** A line's text without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;
/** {@link WORD} for text without non-ASCII characters, where it matches the same words. */
const ASCII_WORD = /[A-Za-z0-9][A-Za-z0-9'_-]*/g;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Words of any script. ASCII text is counted without Unicode property classes,
 * whose first compilation costs a freshly started server about a millisecond.
 */
export function countWords(text: string): number {
  const word = NON_ASCII.test(text) ? WORD : ASCII_WORD;
  let n = 0;
  word.lastIndex = 0;
  while (word.exec(text)) n++;
  return n;
}

/** `^[^\p{L}\p{N}]*` and `[^\p{L}\p{N}]*$` as ASCII-only and full Unicode pairs; see {@link trimToWords}. */
const EDGES = {
  ascii: [/^[^A-Za-z0-9]*/, /[^A-Za-z0-9]*$/],
  unicode: [/^[^\p{L}\p{N}]*/u, /[^\p{L}\p{N}]*$/u],
};

/** How many characters before the first and after the last letter or digit (of any script) of `text`. */
export function trimToWords(text: string): { lead: number; trail: number } {
  const [start, end] = NON_ASCII.test(text) ? EDGES.unicode : EDGES.ascii;
  const lead = start.exec(text)![0].length;
  return { lead, trail: end.exec(text.slice(lead))![0].length };
}

export function rangeContains(outer: Range, p: Position): boolean {
  return comparePositions(outer.start, p) <= 0 && comparePositions(p, outer.end) <= 0;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** A range covering whole lines `from`..`to` inclusive, ending at the end of `to` (before its line break). */
export function lineRange(index: LineIndex, from: number, to: number): Range {
  return { start: { line: from, character: 0 }, end: index.position(index.lineEnd(to)) };
}
