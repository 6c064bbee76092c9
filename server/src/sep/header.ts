import type { Heading, RootContent, Table } from 'mdast';
import { span, plain } from './mdast';
import { MAX_MATCHED, type LineIndex } from './text';
import { fieldFor } from '../../../common/vocabulary';
import type { HeaderField, HeaderStyle, SepHeader, SepHeading, SepSection } from './types';

interface HeaderInput {
  text: string;
  index: LineIndex;
  top: RootContent[];
  headings: { node: Heading; at: number }[];
  title?: SepHeading;
  sections: SepSection[];
}

/**
 * `- **Name**: value`, `**Name:** value`, `Name: value` (known names only
 * when not bold), optionally behind a list marker. The value takes the rest of
 * the line, whatever it holds, so a match never backtracks from the end.
 */
export const FIELD_LINE = /^(\s*(?:[-*+]\s+)?)(?:(\*\*|__)([^*_:\n]{1,40}?)(:?)\2(:?)|([A-Za-z][A-Za-z()\- ]{0,30}?)(:))[ \t]*([^]*)/;

/**
 * Finds the header: the fields between the title and the first section, or,
 * on issue-era SEPs, inside a `## Preamble` section. Bullet lists, plain
 * `Key: value` lines and two-column tables are all read.
 */
export function extractHeader(input: HeaderInput): SepHeader {
  const { top, headings } = input;
  const titleAt = input.title ? headings.find((h) => span(h.node)[0] === input.index.offset(input.title!.range.start))?.at : undefined;
  const from = titleAt === undefined ? 0 : titleAt + 1;
  let to = top.findIndex((n, i) => i >= from && n.type === 'heading');
  if (to === -1) to = top.length;
  let fields = readBlocks(input, top.slice(from, to));
  let style: HeaderStyle = fields.style;
  let preamble: SepHeader['preamble'];
  if (fields.fields.length === 0) {
    const pre = headings.find((h) => PREAMBLE.test(plain(h.node)));
    if (pre) {
      let end = top.findIndex((n, i) => i > pre.at && n.type === 'heading' && n.depth <= pre.node.depth);
      if (end === -1) end = top.length;
      fields = readBlocks(input, top.slice(pre.at + 1, end));
      style = fields.fields.length ? 'preamble' : 'none';
      if (fields.fields.length) preamble = input.index.range(...span(pre.node));
    }
  }
  if (!fields.fields.length) return { style: 'none', fields: [], ...misplacedHeader(input, top.slice(0, to)) };
  return { style, fields: fields.fields, range: fields.range, ...(preamble ? { preamble } : {}) };
}

/** `Preamble`, `1. Preamble`, `Preamble:` as a heading's text. */
const PREAMBLE = /^\s*(?:(?:\d+\.)+\d*\s+|\d+\)\s+)?preamble\s*:?\s*$/i;

/**
 * Header fields put where the SEP format does not read them: YAML front
 * matter, or a fenced code block above the first section.
 */
function misplacedHeader(input: HeaderInput, blocks: RootContent[]): Pick<SepHeader, 'misplaced'> {
  for (const block of blocks) {
    const where = block.type === 'yaml' || (block.type as string) === 'toml' ? 'front-matter' : block.type === 'code' ? 'code-fence' : undefined;
    if (!where) continue;
    const [s, e] = span(block);
    const known = input.text
      .slice(s, e)
      .split('\n')
      .filter((line) => {
        const m = /^\s*(?:[-*+]\s+)?(?:\*\*)?([A-Za-z][A-Za-z()\- ]{0,30}?)(?:\*\*)?\s*[:=]/.exec(line);
        return m !== null && fieldFor(m[1]) !== undefined;
      });
    if (known.length >= 2) return { misplaced: { in: where, range: input.index.range(s, e) } };
  }
  return {};
}

function readBlocks(input: HeaderInput, blocks: RootContent[]): { style: HeaderStyle; fields: HeaderField[]; range?: SepHeader['range'] } {
  const read = blocks.map((block) => readBlock(input, block));
  const hasKnown = (i: number) => read[i].fields.some((f) => f.key !== undefined);
  // A `**Note**: ...` paragraph above the header holds no known field: the header is the first block that does.
  let first = read.findIndex((_r, i) => hasKnown(i));
  if (first === -1) first = read.findIndex((r) => r.fields.length > 0);
  if (first === -1) return { style: 'none', fields: [] };
  // `**Status:** Draft` and `**Type:** Process` as separate paragraphs, or a `PR:` line after the list, are one header.
  let last = first;
  while (last + 1 < read.length && hasKnown(last + 1)) last++;
  const [s] = span(blocks[first]);
  const [, e] = span(blocks[last]);
  const fields = read.slice(first, last + 1).flatMap((r, block) => r.fields.map((f) => ({ ...f, block })));
  return { style: read[first].style, fields, range: input.index.range(s, e) };
}

function readBlock(input: HeaderInput, block: RootContent): { style: HeaderStyle; fields: HeaderField[] } {
  if (block.type === 'list' || block.type === 'paragraph' || (block.type === 'html' && !block.value.startsWith('<!--'))) {
    return { style: block.type === 'list' ? 'bullets' : 'preamble', fields: readLines(input, block) };
  }
  if (block.type === 'table') return { style: 'table', fields: readTable(input, block) };
  return { style: 'none', fields: [] };
}

/** Reads fields line by line from the source of a list or paragraph. */
function readLines(input: HeaderInput, block: RootContent): HeaderField[] {
  const { text, index } = input;
  const [s, e] = span(block);
  const startLine = index.position(s).line;
  const endLine = index.position(e).line;
  const fields: HeaderField[] = [];
  let current: HeaderField | undefined;
  for (let line = startLine; line <= endLine; line++) {
    const lineStart = index.starts[line];
    const lineText = index.lineText(line);
    const tagged = lineText.length > MAX_MATCHED ? null : HTML_FIELD_LINE.exec(lineText);
    if (tagged) {
      current = htmlField(index, lineStart, tagged);
      fields.push(current);
      continue;
    }
    const m = lineText.length > MAX_MATCHED ? null : FIELD_LINE.exec(lineText);
    const bold = m?.[2] !== undefined;
    const name = m ? (bold ? m[3] : m[6]).trim() : '';
    const hasColon = m ? (bold ? Boolean(m[4] || m[5]) : true) : false;
    const known = m ? fieldFor(name) : undefined;
    if (m && hasColon && (bold || known)) {
      const marker = m[1].length;
      const nameOffset = lineStart + marker + (bold ? 2 : 0);
      const valueText = m[8];
      const valueStart = lineStart + lineText.length - valueText.length;
      current = {
        name,
        key: known?.key,
        value: valueText.trim(),
        range: index.range(lineStart + marker, lineStart + lineText.length),
        nameRange: index.range(nameOffset, nameOffset + name.length),
        valueRange: index.range(valueStart, valueStart + valueText.trimEnd().length),
        continuationLines: 0,
      };
      fields.push(current);
    } else if (current && lineText.trim() !== '' && !/^\s*[-*+]\s/.test(lineText)) {
      current.value = `${current.value} ${lineText.trim()}`.trim();
      current.continuationLines++;
      const end = index.position(lineStart + lineText.trimEnd().length);
      current.range = { start: current.range.start, end };
      current.valueRange = { start: current.valueRange.start, end };
    } else {
      current = undefined;
    }
  }
  void text;
  return fields;
}

/** `<b>Title:</b> value<br>`, `<strong>Status</strong>: Final`: issue-era HTML preambles. Named groups carry offsets. */
const HTML_FIELD_LINE = /^(?<lead>\s*(?:[-*+]\s+)?<(?<tag>b|strong)>\s*)(?<name>[^<:\n]{1,40}?)\s*:?\s*<\/\k<tag>>\s*:?[ \t]*(?<value>.*?)\s*(?:<br\s*\/?>)?\s*$/di;

function htmlField(index: LineIndex, lineStart: number, m: RegExpExecArray): HeaderField {
  const groups = m.groups!;
  const name = groups.name.trim();
  const [ns] = m.indices!.groups!.name;
  const [vs] = m.indices!.groups!.value;
  const lineEnd = lineStart + m[0].trimEnd().length;
  return {
    name,
    key: fieldFor(name)?.key,
    value: groups.value.trim(),
    range: index.range(lineStart + groups.lead.replace(/<.*$/, '').length, lineEnd),
    nameRange: index.range(lineStart + ns, lineStart + ns + name.length),
    valueRange: index.range(lineStart + vs, lineStart + vs + groups.value.length),
    continuationLines: 0,
  };
}

/** Reads a two-column table whose first column names fields. */
function readTable(input: HeaderInput, table: Table): HeaderField[] {
  const { index } = input;
  const fields: HeaderField[] = [];
  for (const row of table.children) {
    if (row.children.length < 2) continue;
    const [nameCell, valueCell] = row.children;
    const name = stripColon(plain(nameCell).trim());
    const spec = fieldFor(name);
    const bold = nameCell.children.some((c) => c.type === 'strong');
    if (!spec && !bold) continue;
    const [ns, ne] = cellSpan(input, nameCell);
    const [vs, ve] = cellSpan(input, valueCell);
    const [rs, re] = span(row);
    fields.push({
      name,
      key: spec?.key,
      value: input.text.slice(vs, ve).trim(),
      range: index.range(rs, re),
      nameRange: index.range(ns, ne),
      valueRange: index.range(vs, ve),
      continuationLines: 0,
    });
  }
  return fields;
}

/** Span of a cell's content, without the `**` around a bold name or a trailing colon. */
function cellSpan(input: HeaderInput, cell: Table['children'][number]['children'][number]): [number, number] {
  if (!cell.children.length) {
    const [s] = span(cell);
    return [s, s];
  }
  let target: { children: unknown[] } & Parameters<typeof span>[0] = cell as never;
  if (cell.children.length === 1 && cell.children[0].type === 'strong') target = cell.children[0] as never;
  const kids = target.children as Parameters<typeof span>[0][];
  const s = span(kids[0])[0];
  let e = span(kids[kids.length - 1])[1];
  while (e > s && /[\s:]/.test(input.text[e - 1])) e--;
  return [s, e];
}

/** Text without one trailing colon and the white space before it. */
function stripColon(text: string): string {
  return text.endsWith(':') ? text.slice(0, -1).trimEnd() : text;
}
