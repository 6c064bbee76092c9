/**
 * People in a SEP header: Author(s) items and GitHub handles. Shared by the
 * engine's rules and New SEP's scaffold.
 */

/** One comma-, semicolon- or `and`-separated item of a people field; offsets are into the value. */
export interface PersonItem {
  text: string;
  at: number;
  end: number;
}

/** A separator between people, read at one position. */
const SEPARATOR = /[,;&]|\s+and\s+/iy;

/** Splits a people value at top-level `,` `;` `&` and ` and ` (never inside `()`, `<>`, `[]`). */
export function splitPeople(value: string): { items: PersonItem[]; unbalanced?: number } {
  const items: PersonItem[] = [];
  const stack: string[] = [];
  const pairs: Record<string, string> = { '(': ')', '<': '>', '[': ']' };
  let start = 0;
  let unbalanced: number | undefined;
  const push = (end: number, next: number) => {
    const raw = value.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) items.push({ text, at: start + lead, end: start + lead + text.length });
    start = next;
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (pairs[c]) stack.push(pairs[c]);
    else if (c === ')' || c === '>' || c === ']') {
      if (stack.pop() !== c && unbalanced === undefined) unbalanced = i;
    } else if (!stack.length && (!/\s/.test(c) || i === 0 || !/\s/.test(value[i - 1]))) {
      // ` and ` is tried only where a run of white space starts: from inside the run it cannot match either.
      SEPARATOR.lastIndex = i;
      const sep = SEPARATOR.exec(value);
      if (sep && (sep[0].trim() !== 'and' || i > start)) {
        push(i, i + sep[0].length);
        i += sep[0].length - 1;
      }
    }
  }
  if (stack.length && unbalanced === undefined) unbalanced = value.length;
  push(value.length, value.length);
  return { items, unbalanced };
}

const USER = '[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}';
export const HANDLE = new RegExp(`(?<![\\w.+/-])@(${USER})(?![A-Za-z0-9_])|https?://(?:www\\.)?github\\.com/(${USER})(?![\\w/-])`, 'g');

/**
 * GitHub handles, with their offsets: `@name` (not the `@` of an e-mail
 * address) or a profile link `https://github.com/name`; the same user
 * twice counts once. User names are 1-39 letters, digits and single inner hyphens.
 */
export function handlesIn(value: string): { handle: string; at: number }[] {
  const out: { handle: string; at: number }[] = [];
  for (const m of value.matchAll(HANDLE)) {
    const handle = m[1] ?? m[2];
    if (!out.some((h) => h.handle.toLowerCase() === handle.toLowerCase())) out.push({ handle, at: m.index });
  }
  return out;
}
