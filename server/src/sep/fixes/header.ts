import { LineIndex } from '../text';
import type { HeaderField, Range, SepDocument, TextEdit } from '../types';
import { FIELDS } from '../../../../common/vocabulary';
import type { Fix, FixKind } from '../rules/types';

/** The value a freshly inserted field gets: a placeholder the author must replace (Created: today). */
export function fieldPlaceholder(key: string, today: string): string {
  switch (key) {
    case 'status':
      return 'Draft | In-Review | Accepted | Rejected | Withdrawn | Final | Superseded | Dormant';
    case 'type':
      return 'Standards Track | Informational | Process | Extensions Track';
    case 'created':
      return today;
    case 'authors':
      return 'Name <email> (@github-username)';
    case 'sponsor':
      return '@github-username';
    case 'pr':
      return 'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/{NUMBER}';
    default:
      return '';
  }
}

const order = (key: string | undefined): number => (key ? FIELDS.findIndex((f) => f.key === key) : -1);

/** A new field line written like an existing one (same list marker, bold, separator, table pipes). */
function lineLike(model: HeaderField, index: LineIndex, label: string, value: string): string {
  const line = index.lineText(model.range.start.line);
  const name = model.nameRange;
  const val = model.valueRange;
  const prefix = line.slice(0, name.start.character);
  const middle = val.start.line === name.start.line ? line.slice(name.end.character, val.start.character) : ': ';
  const suffix = val.end.line === model.range.start.line ? line.slice(val.end.character) : '';
  return `${prefix}${label}${middle}${value}${suffix}`.trimEnd();
}

/**
 * Inserts a missing header field in canonical order, written like its
 * neighbours, with a placeholder value. Without any header, a bullet is put
 * under the title.
 */
export function addFieldFix(doc: SepDocument, key: string, today: string): Fix | undefined {
  const spec = FIELDS.find((f) => f.key === key);
  if (!spec) return undefined;
  const value = fieldPlaceholder(key, today);
  const title = `Add the ${spec.label} field with a placeholder to fill in`;
  const fields = doc.header.fields;
  if (fields.length === 0) return { title, kind: 'suggestion', edits: [headerBlockEdit(doc, [`- **${spec.label}**: ${value}`])] };
  const index = doc.lines;
  const mine = order(key);
  const before = fields.filter((f) => order(f.key) >= 0 && order(f.key) < mine).pop();
  const after = fields.find((f) => order(f.key) > mine);
  const model = before ?? after ?? fields[fields.length - 1];
  const line = lineLike(model, index, spec.label, value);
  if (before || !after) {
    const last = (before ?? model).range.end.line;
    return { title, kind: 'suggestion', edits: [insertAfterLine(doc, index, last, line)] };
  }
  const p = { line: after.range.start.line, character: 0 };
  return { title, kind: 'suggestion', edits: [{ range: { start: p, end: p }, newText: line + doc.eol }] };
}

function insertAfterLine(doc: SepDocument, index: LineIndex, line: number, text: string): TextEdit {
  if (line + 1 < index.lineCount) {
    const p = { line: line + 1, character: 0 };
    return { range: { start: p, end: p }, newText: text + doc.eol };
  }
  const p = index.position(index.lineEnd(line));
  return { range: { start: p, end: p }, newText: doc.eol + text };
}

/** Inserts header lines as a new bullet list below the title (or at the top), with blank lines around. */
function headerBlockEdit(doc: SepDocument, lines: string[]): TextEdit {
  const index = doc.lines;
  const eol = doc.eol;
  const block = lines.join(eol);
  const titleLine = doc.title?.range.end.line ?? (doc.frontMatter ? doc.frontMatter.end.line : -1);
  if (titleLine + 1 >= index.lineCount) {
    const p = index.position(doc.text.length);
    const lead = doc.text.length === 0 ? '' : /[\r\n]$/.test(doc.text) ? eol : eol + eol;
    return { range: { start: p, end: p }, newText: lead + block + eol };
  }
  const next = titleLine + 1;
  const p = { line: next, character: 0 };
  const nextBlank = index.lineText(next).trim() === '';
  const lead = titleLine >= 0 ? eol : '';
  return { range: { start: p, end: p }, newText: lead + block + eol + (nextBlank ? '' : eol) };
}

/** Adds a whole header (every required field, with placeholders) below the title. */
export function addHeaderFix(doc: SepDocument, today: string): Fix | undefined {
  if (doc.header.fields.length) return undefined;
  const lines = FIELDS.filter((f) => f.required).map((f) => `- **${f.label}**: ${fieldPlaceholder(f.key, today)}`);
  return { title: 'Add the SEP header (template placeholders to fill in)', kind: 'suggestion', edits: [headerBlockEdit(doc, lines)] };
}

/**
 * Puts known header fields into canonical order by swapping whole lines
 * (continuation lines included); unknown fields keep their slots.
 */
export function reorderFieldsFix(doc: SepDocument): Fix | undefined {
  const index = doc.lines;
  const whole = (f: HeaderField): Range => ({ start: { line: f.range.start.line, character: 0 }, end: index.position(index.lineEnd(f.range.end.line)) });
  const edits: TextEdit[] = [];
  // Each block (list, table, paragraph) is sorted within itself: lines never move between two forms.
  for (const block of new Set(doc.header.fields.map((f) => f.block))) {
    const known = doc.header.fields.filter((f) => f.key !== undefined && f.block === block);
    const sorted = [...known].sort((a, b) => order(a.key) - order(b.key));
    known.forEach((slot, i) => {
      if (sorted[i] === slot) return;
      const r = whole(sorted[i]);
      edits.push({ range: whole(slot), newText: doc.text.slice(index.offset(r.start), index.offset(r.end)) });
    });
  }
  if (!edits.length) return undefined;
  return { title: 'Put the header fields in the standard order', kind: 'certain', edits };
}

/** Replaces a field's whole value. */
export function replaceValueFix(field: HeaderField, value: string, kind: FixKind): Fix {
  return { title: `Change to "${value}"`, kind, edits: [{ range: field.valueRange, newText: value }] };
}
