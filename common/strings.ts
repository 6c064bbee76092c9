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

/**
 * A whole number with comma thousands separators (`1,048,576`), as `toLocaleString('en-US')` writes it, without
 * loading ICU's number formatting: a freshly started language server paid about 16 ms for that on its first call.
 */
export function withThousands(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = (end > 3 ? ',' : '') + digits.slice(Math.max(0, end - 3), end) + out;
  return (n < 0 ? '-' : '') + out;
}
