/** String helpers shared by the engine, the server and the extension. */

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
