import type { HeaderField, SepDocument } from '../types';
import { STATUSES, STATUS_SYNONYMS, TYPES, TYPE_SYNONYMS, type ValueSpec } from '../vocabulary';

/**
 * Facts about a SEP's header that the section and lifecycle rules decide on:
 * its Status, Type and Created date, each in canonical form. A value that
 * cannot be understood yields `undefined`, so rules that depend on it stay quiet
 * (the value rules report the bad value itself).
 */

/** First header field with this canonical key. */
export function headerField(doc: SepDocument, key: string): HeaderField | undefined {
  return doc.header.fields.find((f) => f.key === key);
}

function canonical(value: string, specs: readonly ValueSpec[], synonyms: Readonly<Record<string, string>>): string | undefined {
  const v = value.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!v) return undefined;
  return specs.find((s) => s.value.toLowerCase() === v)?.value ?? synonyms[v];
}

/** The Status field and its canonical value (`Final`, `In-Review`, ...), when recognisable. */
export function sepStatus(doc: SepDocument): { field: HeaderField; value: string } | undefined {
  const field = headerField(doc, 'status');
  const value = field && canonical(field.value, STATUSES, STATUS_SYNONYMS);
  return field && value ? { field, value } : undefined;
}

/** The canonical Type (`Standards Track`, `Process`, ...), when recognisable. */
export function sepType(doc: SepDocument): string | undefined {
  const field = headerField(doc, 'type');
  return field ? canonical(field.value, TYPES, TYPE_SYNONYMS) : undefined;
}

/** The Created date as `YYYY-MM-DD` when the field holds one, else undefined. */
export function sepCreated(doc: SepDocument): string | undefined {
  const m = /^\s*(\d{4}-\d{2}-\d{2})\b/.exec(headerField(doc, 'created')?.value ?? '');
  return m?.[1];
}
