import type { FlatText } from './inline';
import type { NormativeKeyword, NormativeLevel } from './types';

/** A keyword found in flattened text, with where it starts and ends there. */
export interface KeywordHit {
  keyword: NormativeKeyword;
  start: number;
  end: number;
}

const SINGLE: ReadonlySet<string> = new Set(['MUST', 'REQUIRED', 'SHALL', 'SHOULD', 'RECOMMENDED', 'MAY', 'OPTIONAL']);
/** Keywords that `NOT` after them negates. */
const NEGATABLE: ReadonlySet<string> = new Set(['MUST', 'SHALL', 'SHOULD']);

const LEVEL: Record<NormativeKeyword, NormativeLevel> = {
  MUST: 'must',
  'MUST NOT': 'must',
  REQUIRED: 'must',
  SHALL: 'must',
  'SHALL NOT': 'must',
  SHOULD: 'should',
  'SHOULD NOT': 'should',
  RECOMMENDED: 'should',
  'NOT RECOMMENDED': 'should',
  MAY: 'may',
  OPTIONAL: 'may',
};

/** The strongest level among keywords (`may` for none). */
export function strongest(keywords: readonly NormativeKeyword[]): NormativeLevel {
  let level: NormativeLevel = 'may';
  for (const k of keywords) {
    const l = LEVEL[k];
    if (l === 'must') return 'must';
    if (l === 'should') level = 'should';
  }
  return level;
}

/** A letter, digit or underscore: what a word is made of (so `REQUIRED_FIELD` is not a keyword). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

/** The words outside code spans, as [start, end) pairs; a code span ends a word. Linear. */
function words(flat: FlatText): [number, number][] {
  const out: [number, number][] = [];
  const { text, code } = flat;
  let i = 0;
  while (i < text.length) {
    if (code[i] || !isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    while (i < text.length && !code[i] && isWordChar(text.charCodeAt(i))) i++;
    out.push([s, i]);
  }
  return out;
}

/**
 * The capitalised BCP 14 keywords outside code, in order. `MUST NOT`, `SHALL NOT`, `SHOULD NOT` and
 * `NOT RECOMMENDED` count as one keyword when only spaces separate the two words; a lone `NOT` is none.
 */
export function keywordsIn(flat: FlatText): KeywordHit[] {
  const ws = words(flat);
  const hits: KeywordHit[] = [];
  const spaced = (a: [number, number], b: [number, number]): boolean => /^ +$/.test(flat.text.slice(a[1], b[0]));
  for (let i = 0; i < ws.length; i++) {
    const w = flat.text.slice(ws[i][0], ws[i][1]);
    const next = ws[i + 1];
    const nextWord = next && spaced(ws[i], next) ? flat.text.slice(next[0], next[1]) : undefined;
    if (w === 'NOT' && nextWord === 'RECOMMENDED') {
      hits.push({ keyword: 'NOT RECOMMENDED', start: ws[i][0], end: next[1] });
      i++;
    } else if (NEGATABLE.has(w) && nextWord === 'NOT') {
      hits.push({ keyword: `${w} NOT` as NormativeKeyword, start: ws[i][0], end: next[1] });
      i++;
    } else if (SINGLE.has(w)) {
      hits.push({ keyword: w as NormativeKeyword, start: ws[i][0], end: ws[i][1] });
    }
  }
  return hits;
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS: ReadonlySet<string> = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'eg', 'ie', 'al', 'approx', 'no', 'fig', 'sec', 'resp']);
/** What may close a sentence after its full stop: quotes, brackets, emphasis marks. */
const CLOSERS = new Set([')', ']', '"', "'", '’', '”', '*', '_']);

/**
 * Sentence spans [start, end) of flattened text, white space trimmed. A sentence ends at `.`, `!` or `?` outside
 * code, with closing quotes or brackets after it, when white space follows and the next sentence starts with a
 * capital, a digit, an opening quote or bracket, or a code span; not after an abbreviation (`e.g.`, `etc.`). One
 * linear scan.
 */
export function sentences(flat: FlatText): [number, number][] {
  const { text, code } = flat;
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (code[i] || (c !== '.' && c !== '!' && c !== '?')) continue;
    let j = i + 1;
    while (j < text.length && !code[j] && CLOSERS.has(text[j])) j++;
    if (j >= text.length || text[j] !== ' ') continue;
    let k = j;
    while (k < text.length && text[k] === ' ') k++;
    if (k >= text.length || !startsSentence(text, code, k)) continue;
    if (c === '.' && afterAbbreviation(text, i)) continue;
    push(out, text, start, j);
    start = k;
    i = k - 1;
  }
  push(out, text, start, text.length);
  return out;
}

function startsSentence(text: string, code: Uint8Array, k: number): boolean {
  if (code[k]) return true;
  const c = text[k];
  return /[A-Z0-9"'“‘(\[*_]/.test(c);
}

/** Whether the full stop at `i` ends an abbreviation (`e.g.`, `etc.`). */
function afterAbbreviation(text: string, i: number): boolean {
  let s = i;
  while (s > 0 && s > i - 8 && /[A-Za-z.]/.test(text[s - 1])) s--;
  const word = text.slice(s, i).toLowerCase();
  if (s > 0 && s === i - 8) return false;
  return ABBREVIATIONS.has(word);
}

function push(out: [number, number][], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && text[s] === ' ') s++;
  while (e > s && text[e - 1] === ' ') e--;
  if (e > s) out.push([s, e]);
}
