import { MAX_MATCHED } from './text';
import type { Range, SepHeading, SepTitle } from './types';

/**
 * `SEP` prefix, a separator, the number (or a template placeholder), a
 * separator and the name. Deviations are classified, not rejected. The last
 * group takes any rest (line separators included), so the first way of
 * matching always succeeds and nothing is retried: linear in the title.
 */
export const TITLE = /^(SEP)([\s\-–—_#]*)(\d+|\{NUMBER\}|\{number\}|X{2,}|N{2,}|\?+|TBD)?(\s*)([:\-–—.|]?)(\s*)([^]*)/i;

/** Reads `SEP-1234: Title` and its deviations out of a title heading. */
export function parseTitle(h: SepHeading): SepTitle {
  const raw = h.raw;
  const base: Omit<SepTitle, 'form' | 'name'> = { range: h.range, depth: h.depth, raw };
  const at = (from: number, to: number): Range => ({
    start: { line: h.textRange.start.line, character: h.textRange.start.character + from },
    end: { line: h.textRange.start.line, character: h.textRange.start.character + to },
  });
  const m = raw.length > MAX_MATCHED ? null : TITLE.exec(raw);
  if (!m) {
    return { ...base, name: raw.trim(), nameRange: at(0, raw.length), form: 'no-prefix' };
  }
  const [, prefix, sep1, number, , sep2, , written] = m;
  // `SEP-1034: : Name`, `SEP-1577: - Name`: a second separator is not part of the name.
  const extra = /^[:\-–—.|]+(?=\s|$)\s*/.exec(written)?.[0] ?? '';
  const name = written.slice(extra.length);
  const numberStart = prefix.length + sep1.length;
  const nameStart = raw.length - name.length;
  const title: SepTitle = {
    ...base,
    form: 'ok',
    name: name.trim(),
    nameRange: at(nameStart, raw.length),
  };
  if (number !== undefined) {
    title.number = number;
    title.numberRange = at(numberStart, numberStart + number.length);
  }
  if (prefix !== 'SEP') title.form = 'bad-separator';
  else if (number === undefined) title.form = 'no-number';
  else if (sep1 !== '-' || sep2 !== ':' || extra || !/^:\s/.test(raw.slice(numberStart + number.length, numberStart + number.length + 2) + ' '))
    title.form = 'bad-separator';
  else if (name.trim() === '') title.form = 'no-name';
  return title;
}
