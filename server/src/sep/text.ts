import type { Position, Range } from './types';

/**
 * Longest line or value (in UTF-16 units) the engine matches with patterns; a
 * longer title or header value is read as plain text. No real one comes near.
 */
export const MAX_MATCHED = 2000;

/** A line break as LSP counts them: `\r\n`, `\n` or a lone `\r`. */
export const LINE_BREAK = /\r\n|\r|\n/;

/** Offsets at which lines start, with `\r\n`, `\n` and a lone `\r` each ending a line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The lines of a text without their breaks (see {@link lineStarts}). */
export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/** The line ending a text uses: `\r\n` when it has any, else `\r` when it has a lone one, else `\n`. */
export function lineEnding(text: string): '\n' | '\r\n' | '\r' {
  if (text.includes('\r\n')) return '\r\n';
  return text.includes('\r') ? '\r' : '\n';
}

/** Maps UTF-16 offsets to LSP positions and back for one text. */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = lineStarts(text);
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

  /** Offset of the end of a line, before its line break (`\r\n`, `\n` or `\r`). */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[line + 1];
    return this.text[next - 1] === '\n' && this.text[next - 2] === '\r' ? next - 2 : next - 1;
  }

  /** A line's text without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }
}

export const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;
/** {@link WORD} for text without non-ASCII characters, where it matches the same words. */
export const ASCII_WORD = /[A-Za-z0-9][A-Za-z0-9'_-]*/g;
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

/** `^[^\p{L}\p{N}]*` as ASCII-only and full Unicode patterns; see {@link trimToWords}. */
const LEAD = { ascii: /^[^A-Za-z0-9]*/, unicode: /^[^\p{L}\p{N}]*/u };
/** One letter or digit; the end is scanned backwards because `[^…]*$` retries from every position of a long run. */
const WORD_CHAR = { ascii: /^[A-Za-z0-9]$/, unicode: /^[\p{L}\p{N}]$/u };

/**
 * The text without a run of the given characters at its end (and, with `start`, at its start). A loop, not
 * `/[…]+$/`: a regex anchored at the end retries from every position of a long run and is quadratic in it.
 */
export function trimChars(text: string, chars: string, ends: { start?: boolean; end?: boolean } = { end: true }): string {
  let from = 0;
  let to = text.length;
  if (ends.start) while (from < to && chars.includes(text[from])) from++;
  if (ends.end !== false) while (to > from && chars.includes(text[to - 1])) to--;
  return text.slice(from, to);
}

/** How many characters before the first and after the last letter or digit (of any script) of `text`. */
export function trimToWords(text: string): { lead: number; trail: number } {
  const unicode = NON_ASCII.test(text);
  const lead = (unicode ? LEAD.unicode : LEAD.ascii).exec(text)![0].length;
  const word = unicode ? WORD_CHAR.unicode : WORD_CHAR.ascii;
  let end = text.length;
  while (end > lead) {
    const low = text.charCodeAt(end - 1);
    const from = low >= 0xdc00 && low <= 0xdfff && end - 2 >= lead ? end - 2 : end - 1;
    if (word.test(text.slice(from, end))) break;
    end = from;
  }
  return { lead, trail: text.length - end };
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
