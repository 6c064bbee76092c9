import type { Position, Range } from './types';

import { LINE_BREAK, LineIndex, lineEnding, lineStarts, splitLines } from '../../../common/lines';

export { LINE_BREAK, LineIndex, lineEnding, lineStarts, splitLines };
export { trimChars } from '../../../common/strings';

/**
 * Longest line or value (in UTF-16 units) the engine matches with patterns; a
 * longer title or header value is read as plain text. No real one comes near.
 */
export const MAX_MATCHED = 2000;

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

/**
 * Prose as phrase matching reads it: lower case, curly single quotes straight, each run of white space one space,
 * none at either end.
 */
export function foldProse(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

/** `^[^\p{L}\p{N}]*` as ASCII-only and full Unicode patterns; see {@link trimToWords}. */
const LEAD = { ascii: /^[^A-Za-z0-9]*/, unicode: /^[^\p{L}\p{N}]*/u };
/** One letter or digit; the end is scanned backwards because `[^…]*$` retries from every position of a long run. */
const WORD_CHAR = { ascii: /^[A-Za-z0-9]$/, unicode: /^[\p{L}\p{N}]$/u };

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
