import type { Position, Range, SepDocument } from './types';
import { FIELD_GUIDE } from './guide';
import { missingSections } from './rules/section-model';
import { FIELDS, STATUSES, TYPES, fieldFor, sectionSpec } from '../../../common/vocabulary';
import type { WorkspaceIndex } from './workspace';

/** One completion proposal as plain data; the server maps `kind` to LSP kinds. */
export interface CompletionData {
  label: string;
  kind: 'field' | 'value' | 'date' | 'section' | 'sep' | 'person';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text replacing `range`. */
  insertText: string;
  range: Range;
  /** Keeps the canonical order in the list. */
  sortText: string;
  filterText?: string;
}

export interface CompletionInput {
  /** The text of the line the cursor is on, up to the cursor. */
  linePrefix: string;
  position: Position;
  today: string;
  workspace?: WorkspaceIndex;
}

const FIELD_NAME = /^(\s*[-*+]\s+)(\*{0,2})([A-Za-z() -]*)$/;
const FIELD_VALUE = /^(\s*(?:[-*+]\s+)?(?:\*\*([^*:]+?):?\*\*:?|([A-Za-z][A-Za-z() -]*):)\s*)(.*)$/;

/**
 * Proposals at a position: header field names on a bullet in the header,
 * values for Status, Type, Created and Sponsor, the missing sections after
 * `## `, and the workspace's SEPs after `SEP-`.
 */
export function completeAt(doc: SepDocument, input: CompletionInput): CompletionData[] {
  const { linePrefix, position } = input;
  const span = (from: number): Range => ({ start: { line: position.line, character: from }, end: position });
  const sepRef = /\bSEP-(\d*)$/.exec(linePrefix);
  if (sepRef && input.workspace) return sepItems(input.workspace, span(sepRef.index));
  if (/^##[ \t]+[^#]*$/.test(linePrefix)) {
    const start = /^##[ \t]+/.exec(linePrefix)![0].length;
    return sectionItems(doc, span(start));
  }
  if (!inHeaderZone(doc, position.line)) return [];
  const value = FIELD_VALUE.exec(linePrefix);
  const key = value && fieldFor(value[2] ?? value[3] ?? '')?.key;
  if (value && key) return valueItems(key, input, span(value[1].length));
  const name = FIELD_NAME.exec(linePrefix);
  if (name) return fieldItems(doc, span(name[1].length));
  return [];
}

/** Between the title and the first section heading (or anywhere before a heading when there is no title). */
function inHeaderZone(doc: SepDocument, line: number): boolean {
  const titleLine = doc.title?.range.end.line ?? -1;
  const next = doc.headings.find((h) => h.range.start.line > titleLine && h.range.start.line !== line);
  return line > titleLine && (!next || line < next.range.start.line);
}

function fieldItems(doc: SepDocument, range: Range): CompletionData[] {
  const have = new Set(doc.header.fields.filter((f) => f.range.start.line !== range.start.line).map((f) => f.key));
  return FIELDS.filter((f) => !have.has(f.key)).map((f, i) => ({
    label: f.label,
    kind: 'field',
    detail: f.required ? 'required header field' : 'optional header field',
    documentation: FIELD_GUIDE[f.key] ? `${FIELD_GUIDE[f.key].what}\n\n*Why:* ${FIELD_GUIDE[f.key].why}` : undefined,
    insertText: `**${f.label}**: `,
    filterText: `**${f.label}`,
    range,
    sortText: String(i).padStart(2, '0'),
  }));
}

function valueItems(key: string, input: CompletionInput, range: Range): CompletionData[] {
  const values = key === 'status' ? STATUSES : key === 'type' ? TYPES : undefined;
  if (values) {
    return values.map((v, i) => ({ label: v.value, kind: 'value', documentation: v.description, detail: v.description, insertText: v.value, range, sortText: String(i).padStart(2, '0') }));
  }
  if (key === 'created' || key === 'accepted') {
    return [{ label: input.today, kind: 'date', detail: 'today', insertText: input.today, range, sortText: '00' }];
  }
  if (key === 'sponsor' && input.workspace) {
    const people = input.workspace.maintainers.map((m, i) => ({
      label: `@${m.handle}`,
      kind: 'person' as const,
      detail: m.name,
      documentation: m.group ? `${m.name}, ${m.group} (MAINTAINERS.md)` : m.name,
      insertText: `@${m.handle}`,
      filterText: `@${m.handle} ${m.name}`,
      range,
      sortText: String(i).padStart(4, '0'),
    }));
    return [...people, { label: 'None', kind: 'value', detail: 'no sponsor yet', insertText: 'None', range, sortText: '9999' }];
  }
  return [];
}

function sectionItems(doc: SepDocument, range: Range): CompletionData[] {
  return missingSections(doc).map(({ name }, i) => ({
    label: name,
    kind: 'section',
    detail: 'missing SEP section',
    documentation: sectionSpec(name)?.purpose,
    insertText: name,
    range,
    sortText: String(i).padStart(2, '0'),
  }));
}

function sepItems(workspace: WorkspaceIndex, range: Range): CompletionData[] {
  return [...workspace.seps]
    .sort((a, b) => Number(a.number) - Number(b.number))
    .map((s, i) => ({
      label: `SEP-${s.number}`,
      kind: 'sep',
      detail: s.title,
      documentation: `${s.title}\n\nStatus: ${s.status ?? 'not given'} · \`${s.fileName}\``,
      insertText: `SEP-${s.number}`,
      filterText: `SEP-${s.number} ${s.title}`,
      range,
      sortText: String(i).padStart(5, '0'),
    }));
}
