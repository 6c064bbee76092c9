import { rangeContains } from './text';
import type { Position, Range, SepDocument } from './types';
import { FIELD_GUIDE, SECTION_WHY } from './guide';
import { FIELDS, STATUSES, TYPES, type ValueSpec } from '../../../common/vocabulary';
import { findSep, type WorkspaceIndex } from './workspace';
import { conformanceOf, countsText, type ConformanceData } from './conformance';
import { sepNumberOf } from './trace/skeleton';

/** A hover: Markdown text and the range it is about. */
export interface HoverInfo {
  markdown: string;
  range: Range;
}

const list = (values: readonly ValueSpec[], current?: string): string =>
  values.map((v) => `- **${v.value}**${v.value === current ? ' (this SEP)' : ''}: ${v.description}`).join('\n');

/**
 * What to show when hovering at `position`: a header field (what goes in it
 * and why), a standard section heading (same), the title (the SEP's status in
 * the conformance repository, when the editor supplied that data), or a `SEP-N`
 * reference (its title and status when the SEP is in the workspace).
 */
export function hoverAt(doc: SepDocument, position: Position, workspace?: WorkspaceIndex, conformance?: ConformanceData): HoverInfo | undefined {
  return fieldHover(doc, position) ?? sectionHover(doc, position) ?? titleHover(doc, position, conformance) ?? mentionHover(doc, position, workspace);
}

function titleHover(doc: SepDocument, position: Position, conformance?: ConformanceData): HoverInfo | undefined {
  const title = doc.title;
  const n = sepNumberOf(doc);
  if (!conformance || !title || title.fromIssue || n === undefined || !rangeContains(title.range, position)) return undefined;
  const counts = conformanceOf(doc, conformance);
  const where = `\`${conformance.repository}\``;
  const markdown = counts
    ? `**SEP-${n} conformance** (${where}): ${countsText(counts)}`
    : `**SEP-${n} conformance**: ${where} has no traceability data for this SEP (no \`sep-${n}.yaml\` in its traceability manifest).`;
  return { markdown, range: title.range };
}

function fieldHover(doc: SepDocument, position: Position): HoverInfo | undefined {
  const field = doc.header.fields.find((f) => f.key && rangeContains(f.nameRange, position));
  if (!field?.key) return undefined;
  const spec = FIELDS.find((f) => f.key === field.key)!;
  const guide = FIELD_GUIDE[field.key];
  const parts = [`**${spec.label}**${spec.required ? ' (required)' : ' (optional)'}`, guide ? `${guide.what}\n\n*Why:* ${guide.why}` : ''];
  if (field.key === 'status') parts.push(list(STATUSES, field.value));
  if (field.key === 'type') parts.push(list(TYPES, field.value));
  return { markdown: parts.filter(Boolean).join('\n\n'), range: field.nameRange };
}

function sectionHover(doc: SepDocument, position: Position): HoverInfo | undefined {
  const heading = doc.headings.find((h) => h.depth >= 2 && rangeContains(h.range, position));
  const spec = heading && doc.sectionModel.match(heading)?.spec;
  if (!heading || !spec) return undefined;
  const name = spec.name === heading.text ? `**${spec.name}**` : `**${spec.name}** (written here as "${heading.text}")`;
  return {
    markdown: `${name}: a ${spec.required ? 'required' : 'optional'} SEP section.\n\n${spec.purpose}\n\n*Why:* ${SECTION_WHY[spec.name] ?? ''}`.trim(),
    range: heading.textRange,
  };
}

function mentionHover(doc: SepDocument, position: Position, workspace?: WorkspaceIndex): HoverInfo | undefined {
  const m = doc.mentions.find((x) => rangeContains(x.range, position));
  if (!m) return undefined;
  const sep = workspace ? findSep(workspace, m.number) : undefined;
  if (!sep) return { markdown: `**SEP-${Number(m.number)}** is not in this workspace's \`seps/\` folder.`, range: m.range };
  return { markdown: `**SEP-${sep.number}: ${sep.title}**\n\nStatus: ${sep.status ?? 'not given'} · \`${sep.fileName}\``, range: m.range };
}
