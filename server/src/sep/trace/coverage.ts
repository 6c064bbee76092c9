import type { Coverage, NormativeStatement, TraceabilityFile } from './types';

/**
 * Words too common to tell requirements apart: articles, prepositions, conjunctions, and the BCP 14 keywords
 * themselves (nearly every statement and row has one). `not` is kept: it separates `MUST` from `MUST NOT`.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the of to in on for and or nor is are be been being by with as at that this it its from if when which ' +
    'any each all than then their there these those such into via per other also only so do does ' +
    'must should shall may required recommended optional'
  ).split(' '),
);

/** A row and a statement whose score reaches this cover each other (see docs/traceability.md). */
export const COVER_THRESHOLD = 0.45;

/** Separates the requirements a row merges: `first requirement / second requirement`. */
const PART_SEPARATOR = ' / ';

/**
 * The normalised words of a text, as a set: lower-cased, split at every character that is not an ASCII letter or
 * digit (so `io.modelcontextprotocol/protocolVersion` gives three words), stop words dropped, and a plural `s`
 * dropped from words longer than three letters (`servers` → `server`, but not `class`).
 */
export function normalisedWords(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  let i = 0;
  while (i < lower.length) {
    if (!isAlnum(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    while (i < lower.length && isAlnum(lower.charCodeAt(i))) i++;
    let w = lower.slice(s, i);
    if (STOP_WORDS.has(w)) continue;
    if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    out.add(w);
  }
  return out;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

/** The cosine of two word sets (Ochiai coefficient): shared words over the geometric mean of their sizes; 0..1. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

/** The requirements a row's text holds: its ` / `-separated parts, or the whole text. */
export function rowParts(text: string): string[] {
  const parts = text.split(PART_SEPARATOR).map((p) => p.trim()).filter((p) => p !== '');
  return parts.length ? parts : [text];
}

/**
 * Word-pair look-ups one coverage may make. Real files need a few thousand; a hostile pair (thousands of rows
 * against thousands of statements all sharing words) stops here and leaves the remaining rows unmatched, with
 * `truncated` set, instead of stalling the editor.
 */
export const MAX_COVERAGE_WORK = 2_000_000;

/**
 * Which rows of a traceability file cover which statements of its SEP. A row covers a statement when one of its
 * parts ({@link rowParts}) scores at least {@link COVER_THRESHOLD} with it ({@link similarity} of their
 * {@link normalisedWords}); a row may cover several statements and a statement may be covered by several rows.
 * MUST- and SHOULD-level statements no row covers are `uncovered`, each with the row that scores best, if any.
 * Only statements sharing a word with a part are scored (an index from words to statements), within
 * {@link MAX_COVERAGE_WORK} look-ups.
 */
export function traceCoverage(statements: NormativeStatement[], file: TraceabilityFile): Coverage {
  const words = statements.map((s) => normalisedWords(s.text));
  const postings = new Map<string, number[]>();
  words.forEach((ws, i) => {
    for (const w of ws) {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  });
  const covered = new Array<boolean>(statements.length).fill(false);
  const best = statements.map(() => ({ row: -1, score: 0 }));
  let work = 0;
  let truncated = false;
  const rows = file.rows.map((row, r) => {
    const scores = new Map<number, number>();
    for (const part of rowParts(row.text ?? '')) {
      const p = normalisedWords(part);
      const shared = new Map<number, number>();
      for (const w of p) {
        const list = postings.get(w) ?? [];
        work += list.length + 1;
        if (work > MAX_COVERAGE_WORK) break;
        for (const s of list) shared.set(s, (shared.get(s) ?? 0) + 1);
      }
      if (work > MAX_COVERAGE_WORK) {
        truncated = true;
        break;
      }
      for (const [s, n] of shared) scores.set(s, Math.max(scores.get(s) ?? 0, n / Math.sqrt(p.size * words[s].size)));
    }
    const hits: number[] = [];
    for (const [s, score] of scores) {
      if (score >= COVER_THRESHOLD) {
        hits.push(s);
        covered[s] = true;
      }
      if (score > best[s].score) best[s] = { row: r, score };
    }
    return { row: r, statements: hits.sort((a, b) => a - b) };
  });
  const uncovered = statements.flatMap((s, i) => (!covered[i] && s.level !== 'may' ? [i] : []));
  const candidates = uncovered.flatMap((i) => (best[i].row >= 0 ? [{ statement: i, row: best[i].row, score: round(best[i].score) }] : []));
  return { rows, uncovered, candidates, ...(truncated ? { truncated } : {}) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
