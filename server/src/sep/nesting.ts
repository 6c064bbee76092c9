/**
 * A guard in front of the Markdown parser: micromark's time grows with the
 * square of block nesting (a line of 100,000 `> ` takes minutes), and no real
 * SEP nests more than a few levels. Container markers past {@link MAX_NESTING}
 * on a line are replaced, one for one, by {@link NEUTRAL}, so those lines
 * parse as text at that depth and every offset stays where it was.
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
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    i++;
  }
  return out;
}

function isBlank(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** The text with every marker past the limit replaced by {@link NEUTRAL}; the same string when there is none. */
export function capNesting(text: string, limit = MAX_NESTING): string {
  const at = excessMarkers(text, limit);
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
