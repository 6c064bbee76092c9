import type { RootContent, Table } from 'mdast';
import { plain, span } from './mdast';
import type { LineIndex } from './text';
import type { Range, SepHeader, StrayStatus } from './types';

/**
 * Status statements outside the header: a leftover second preamble (`### Preamble` with
 * `Status: Proposal`), a callout (`> **State:** Ready to Review`), a table row `| Status | Draft |`.
 * Only blocks that mention a status are read line by line.
 */

/** `Status: X`, `**State:** X`, `- **Status**: X`, behind optional blockquote marks. */
const STATUS_LINE = /^(\s*(?:>\s*)*(?:[-*+]\s+)?)(?:(\*\*|__)(status|state)(:?)\2(:?)|(status|state)(:))[ \t]*(.*?)\s*$/i;
const MENTIONS = /\b(?:status|state)\b/i;

/** Whether a block mentions a status at all, remembered per block: blocks keep their identity across incremental parses. */
function mentionsStatus(mentions: WeakMap<RootContent, boolean>, block: RootContent, text: string, s: number, e: number): boolean {
  let m = mentions.get(block);
  if (m === undefined) {
    m = MENTIONS.test(text.slice(s, e));
    mentions.set(block, m);
  }
  return m;
}

/** Reads the status statements of the top-level blocks outside the header (and its preamble section). */
export function strayStatuses(top: RootContent[], text: string, index: LineIndex, header: SepHeader, mentions: WeakMap<RootContent, boolean>): StrayStatus[] {
  const out: StrayStatus[] = [];
  let under: 'preamble' | undefined;
  for (const block of top) {
    const [s, e] = span(block);
    if (block.type === 'heading') {
      const preamble = /^\s*(?:\d+\.\s*)?preamble\s*:?\s*$/i.test(plain(block));
      under = preamble && !(header.preamble && index.offset(header.preamble.start) === s) ? 'preamble' : undefined;
      continue;
    }
    if (header.range && s < index.offset(header.range.end) && e > index.offset(header.range.start)) continue;
    if (block.type === 'code' || block.type === 'yaml' || !mentionsStatus(mentions, block, text, s, e)) continue;
    if (block.type === 'table') out.push(...tableStatuses(block, index));
    else out.push(...lineStatuses(s, e, index, under ?? (block.type === 'blockquote' ? 'callout' : 'line')));
  }
  return out;
}

function lineStatuses(s: number, e: number, index: LineIndex, where: StrayStatus['in']): StrayStatus[] {
  const out: StrayStatus[] = [];
  for (let line = index.position(s).line; line <= index.position(e).line; line++) {
    const lineText = index.lineText(line);
    const m = STATUS_LINE.exec(lineText);
    if (!m || !(m[7] || m[4] || m[5]) || !m[8]) continue;
    const value = m[8];
    const at = index.starts[line] + lineText.trimEnd().length - value.length;
    out.push({ in: where, name: m[3] ?? m[6], value, range: index.range(index.starts[line], index.starts[line] + lineText.length), valueRange: index.range(at, at + value.length) });
  }
  return out;
}

function tableStatuses(table: Table, index: LineIndex): StrayStatus[] {
  const out: StrayStatus[] = [];
  // The first row is the table's head (`| State | Meaning |`), not a statement.
  for (const row of table.children.slice(1)) {
    if (row.children.length < 2) continue;
    const name = plain(row.children[0]).replace(/:\s*$/, '').trim();
    if (!/^(status|state)$/i.test(name)) continue;
    const [vs, ve] = span(row.children[1]);
    const value = plain(row.children[1]).trim();
    if (!value) continue;
    const range: Range = index.range(...span(row));
    out.push({ in: 'table', name, value, range, valueRange: index.range(vs, ve) });
  }
  return out;
}
