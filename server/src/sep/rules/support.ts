import type { HeaderField, Range, SepDocument, TextEdit } from '../types';
import { TEMPLATE_PLACEHOLDERS } from '../../../../common/vocabulary';
import type { Fix, FixKind } from './types';

/**
 * Small helpers shared by the title, header, value and document rule kinds:
 * finding fields, mapping parts of a value to ranges, building fixes.
 */


/** First header field with this canonical key. */
export function field(doc: SepDocument, key: string): HeaderField | undefined {
  return doc.header.fields.find((f) => f.key === key);
}

/** Where a report about something missing goes: the title line, else the document's first line. */
export function missingRange(doc: SepDocument): Range {
  if (doc.title) return doc.title.range;
  const index = doc.lines;
  return index.range(0, index.lineEnd(0));
}

/** The value of a field exactly as written in the document (continuation lines included). */
export function rawValue(doc: SepDocument, f: HeaderField): string {
  const index = doc.lines;
  return doc.text.slice(index.offset(f.valueRange.start), index.offset(f.valueRange.end));
}

/** Range of `[from, to)` in the field's value as written (offsets into {@link rawValue}). */
export function valuePart(doc: SepDocument, f: HeaderField, from: number, to: number): Range {
  const index = doc.lines;
  const base = index.offset(f.valueRange.start);
  return index.range(base + from, base + to);
}

/** A single-edit fix replacing `range` with `newText`. */
export function replaceFix(title: string, range: Range, newText: string, kind: FixKind): Fix {
  const edit: TextEdit = { range, newText };
  return { title, kind, edits: [edit] };
}

/** Template placeholders in a value, with their offsets in it. */
export function placeholdersIn(value: string): { text: string; at: number }[] {
  const found: { text: string; at: number }[] = [];
  for (const p of TEMPLATE_PLACEHOLDERS) {
    const at = value.indexOf(p);
    if (at !== -1) found.push({ text: p, at });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** Whether a field's value can be checked: present, not empty, not template text. */
export function checkable(doc: SepDocument, key: string): HeaderField | undefined {
  const f = field(doc, key);
  if (!f || f.value.trim() === '' || placeholdersIn(f.value).length) return undefined;
  return f;
}

/** A SEP or PR number as a comparable string (`0042` → `42`); undefined for placeholders. */
export function realNumber(n: string | undefined): string | undefined {
  if (n === undefined || !/^\d+$/.test(n)) return undefined;
  const v = String(Number(n));
  return v === '0' ? undefined : v;
}
