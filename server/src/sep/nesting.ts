/**
 * Guards in front of the Markdown parser, for input no SEP holds but micromark
 * takes more than linear time on. Its time grows with the square of block
 * nesting (a line of 100,000 `> ` takes minutes): container markers past
 * {@link MAX_NESTING} on a line are replaced, one for one, by {@link NEUTRAL},
 * so those lines parse as text at that depth. Inside a paragraph it is
 * quadratic in unmatched `]` (each looks back for a `[`), in `<!--` without
 * `-->` and in emphasis delimiters, and slow on long runs of `[` and on table
 * rows of thousands of cells: past {@link RUN_LIMITS} per block (and
 * {@link PIPES_PER_LINE}), further ones become {@link NEUTRAL} too. Every
 * offset stays where it was.
 */

/** Block containers (quotes, list items, indentation steps) a line may open before the rest reads as text. */
export const MAX_NESTING = 100;

/** What a marker past the limit becomes: one UTF-16 unit, no Markdown meaning, not a letter. */
export const NEUTRAL = '\uE000';

/**
 * Offsets of the container markers past the limit, line by line: `>`, a
 * bullet (`-`, `+`, `*`) or an ordered marker's first digit followed by white
 * space. Every four columns of indentation count as one level. Only each
 * line's prefix is read, so the scan is linear in the text. Stops after `most` offsets.
 */
export function excessMarkers(text: string, limit = MAX_NESTING, most = Infinity): number[] {
  const out: number[] = [];
  // The next `\n` and `\r` at or after a line's prefix, found with indexOf (far faster than a loop over every
  // character) and kept until passed, so a text with few of either is not searched again from every line.
  let nl = -2;
  let cr = -2;
  let i = 0;
  while (i < text.length) {
    let depth = 0;
    let width = 0;
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t') {
        width += c === '\t' ? 4 : 1;
        i++;
        continue;
      }
      let end = -1;
      if (c === '>') end = i + 1;
      else if ((c === '-' || c === '+' || c === '*') && isBlank(text[i + 1])) end = i + 1;
      else if (c >= '0' && c <= '9') {
        let j = i;
        while (j < text.length && j - i < 9 && text[j] >= '0' && text[j] <= '9') j++;
        if ((text[j] === '.' || text[j] === ')') && isBlank(text[j + 1])) end = j + 1;
      }
      if (end === -1) break;
      depth++;
      if (depth + (width >> 2) > limit && out.push(i) >= most) return out;
      // The one space or tab after a marker belongs to it, not to the indentation.
      i = text[end] === ' ' || text[end] === '\t' ? end + 1 : end;
    }
    if (nl !== -1 && nl < i) nl = text.indexOf('\n', i);
    if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
    const end = nl === -1 ? cr : cr === -1 ? nl : Math.min(nl, cr);
    i = end === -1 ? text.length + 1 : end + 1;
  }
  return out;
}

function isBlank(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** How many of each character (for `<`: of each `<!--`) a block may hold before the rest are neutralised. */
export const RUN_LIMITS: Readonly<Record<string, number>> = { '[': 1000, ']': 1000, '*': 1000, '_': 2000, '<': 32 };

/** Table cell separators a line may hold: no table has hundreds of columns. */
export const PIPES_PER_LINE = 256;

/**
 * Offsets of the characters past {@link RUN_LIMITS}, counted per block: the
 * lines between blank lines and column-0 `#` headings, the same places the
 * incremental parser may start a chunk, so whole and chunked parses agree.
 */
export function excessRuns(text: string): number[] {
  // No block can hold more of a character than the whole text does: most texts are done after a few indexOf
  // scans, which a freshly started server runs natively rather than in its interpreter.
  if (!RUN_NEEDLES.some(([needle, limit]) => holdsMore(text, needle, limit))) return [];
  const out: number[] = [];
  let counts: Record<string, number> = {};
  let lineStart = true;
  let blankSoFar = true;
  let pipes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      if (blankSoFar) counts = {};
      lineStart = true;
      blankSoFar = true;
      pipes = 0;
      continue;
    }
    if (c === '|' && ++pipes > PIPES_PER_LINE) out.push(i);
    if (lineStart && c === '#') counts = {};
    lineStart = false;
    if (c !== ' ' && c !== '\t') blankSoFar = false;
    const limit = RUN_LIMITS[c];
    if (limit === undefined || (c === '<' && !text.startsWith('<!--', i))) continue;
    counts[c] = (counts[c] ?? 0) + 1;
    if (counts[c] > limit) out.push(i);
  }
  return out;
}

/** What {@link excessRuns} counts, each with its limit: `<` stands for `<!--`, and pipes count per line. */
const RUN_NEEDLES: readonly [string, number][] = [
  ...Object.entries(RUN_LIMITS).map(([c, limit]): [string, number] => [c === '<' ? '<!--' : c, limit]),
  ['|', PIPES_PER_LINE],
];

/** Whether `text` holds more than `most` occurrences of `needle`. */
function holdsMore(text: string, needle: string, most: number): boolean {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) if (++n > most) return true;
  return false;
}

/** The text with every marker and character past the limits replaced by {@link NEUTRAL}; the same string when there is none. */
export function capNesting(text: string, limit = MAX_NESTING): string {
  const at = [...new Set([...excessMarkers(text, limit), ...excessRuns(text)])].sort((a, b) => a - b);
  if (!at.length) return text;
  const parts: string[] = [];
  let from = 0;
  for (const o of at) {
    parts.push(text.slice(from, o), NEUTRAL);
    from = o + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}
