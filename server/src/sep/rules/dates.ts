/**
 * Reads the dates authors write in a header (`2025-07-22`, `2025/7/22`,
 * `July 22, 2025`, `22 Jul 2025`, `07/22/2025`, `2025-07-22T10:00Z`) into
 * `YYYY-MM-DD`, without guessing: `03/04/2025` is reported as ambiguous.
 */
import { trimChars } from '../text';

export type ParsedDate =
  | { kind: 'date'; iso: string }
  /** Shaped like a date but not one on the calendar (`2025-02-30`). */
  | { kind: 'invalid' }
  /** Day and month could be swapped. */
  | { kind: 'ambiguous'; readings: string[] }
  /** Not recognisable as a date. */
  | { kind: 'none' };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';

const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]\d{1,2}:\d{2}\S*(?:\s*(?:UTC|Z|[+-]\d{2}:?\d{2}))?)?$/i;
const MDY_NAMED = new RegExp(`^${WEEKDAY}${MONTH}\\s+${DAY},?\\s+(\\d{4})$`, 'i');
const DMY_NAMED = new RegExp(`^${WEEKDAY}${DAY}\\s+${MONTH},?\\s+(\\d{4})$`, 'i');
const NUMERIC = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

function result(y: number, m: number, d: number): ParsedDate {
  const s = iso(y, m, d);
  return s ? { kind: 'date', iso: s } : { kind: 'invalid' };
}

/** Parses a written date. */
export function parseDate(written: string): ParsedDate {
  const text = trimChars(written.trim(), '*_`', { start: true, end: true });
  let m = YMD.exec(text);
  if (m) return result(+m[1], +m[2], +m[3]);
  m = MDY_NAMED.exec(text);
  if (m) return result(+m[3], month(m[1]), +m[2]);
  m = DMY_NAMED.exec(text);
  if (m) return result(+m[3], month(m[2]), +m[1]);
  m = NUMERIC.exec(text);
  if (m) {
    const [a, b, y] = [+m[1], +m[2], +m[3]];
    if (a > 12) return result(y, b, a);
    if (b > 12 || a === b) return result(y, a, b);
    const readings = [iso(y, a, b), iso(y, b, a)].filter((x): x is string => x !== undefined);
    return { kind: 'ambiguous', readings };
  }
  return { kind: 'none' };
}
