/**
 * How much text the engine checks. Past {@link MAX_CHECKED_CHARS} a document
 * is not parsed, and `document-too-large` says so: sixteen times the largest
 * merged SEP (about 64,000 characters), enough for anything written by hand,
 * and a bound on the memory and time a generated or hostile file can take
 * (the language server also stops a check past its time budget, parse included).
 */
export const MAX_CHECKED_CHARS = 1024 * 1024;

/** Whether a text is longer than the engine checks. */
export function tooLargeToCheck(text: string): boolean {
  return text.length > MAX_CHECKED_CHARS;
}
