import type { Node } from 'unist';
import { parseMarkdown, type SliceParser } from '../markdown';
import { span } from '../mdast';
import type { LineIndex } from '../text';
import { findSection } from '../rules/section-model';
import type { SepDocument } from '../types';
import { flatten, type FlatText } from './inline';
import { keywordsIn, sentences, strongest } from './sentences';
import type { NormativeKeyword, NormativeStatement } from './types';

/** Blocks whose text is one unit, never split into sentences. */
const WHOLE = new Set(['heading', 'tableCell']);
/** Blocks whose text is split into sentences. */
const SPLIT = new Set(['paragraph']);
/** Blocks that hold no prose. */
const OPAQUE = new Set(['code', 'html', 'yaml', 'toml', 'definition', 'math']);

/**
 * The longest Specification section whose statements are listed (the longest in a merged SEP has about 39,000
 * characters). Its Markdown is parsed again here, in one piece and outside the check's time budget, so a
 * generated or hostile section of hundreds of KB is left out rather than holding up the server.
 */
export const MAX_SPECIFICATION_CHARS = 128 * 1024;

/**
 * The normative statements of a SEP: each sentence (in a paragraph, list item or block quote), table cell or
 * heading of the Specification section and its subsections that holds a capitalised BCP 14 keyword outside code,
 * in document order. Lower-case `must` is not normative (RFC 8174). Empty when the SEP has no Specification
 * section, or one longer than {@link MAX_SPECIFICATION_CHARS}. Computed once per document and kept on it
 * (`doc.normativeStatements`); iterative, linear in the section's length.
 */
export function normativeStatements(doc: SepDocument): NormativeStatement[] {
  return doc.normativeStatements;
}

/** What {@link normativeStatements} answers; parse.ts calls it the first time a document is asked. */
export function computeStatements(doc: SepDocument, parse: SliceParser = parseMarkdown): NormativeStatement[] {
  const section = findSection(doc, 'Specification')?.section;
  if (!section) return [];
  const index = doc.lines;
  const base = index.offset(section.bodyRange.start);
  const end = index.offset(section.bodyRange.end);
  if (end <= base || end - base > MAX_SPECIFICATION_CHARS) return [];
  const root = parse(doc.text.slice(base, end));
  const out: NormativeStatement[] = [];
  const path: { depth: number; text: string }[] = [];
  const headingAt = new Map(doc.headings.map((h) => [h.range.start.line, h.text]));
  for (const block of root.children) {
    if (block.type === 'heading') {
      while (path.length && path[path.length - 1].depth >= block.depth) path.pop();
      path.push({ depth: block.depth, text: headingAt.get(index.position(base + span(block)[0]).line) ?? flatten(block, doc.text, base).text.trim() });
    }
    const headingPath = [section.heading.text, ...path.map((p) => p.text)];
    for (const unit of units(block)) {
      const flat = flatten(unit, doc.text, base);
      out.push(...statementsIn(flat, WHOLE.has(unit.type), headingPath, index));
    }
  }
  return out;
}

/** The inline containers under a block, in document order, code and HTML left out. Iterative. */
function units(block: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [block];
  while (stack.length) {
    const n = stack.pop()!;
    if (OPAQUE.has(n.type)) continue;
    if (WHOLE.has(n.type) || SPLIT.has(n.type)) {
      out.push(n);
      continue;
    }
    const kids = (n as { children?: Node[] }).children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

function statementsIn(flat: FlatText, whole: boolean, headingPath: string[], index: LineIndex): NormativeStatement[] {
  const hits = keywordsIn(flat);
  if (!hits.length) return [];
  const spans = whole ? trimmed(flat.text) : sentences(flat);
  const out: NormativeStatement[] = [];
  let h = 0;
  for (const [s, e] of spans) {
    while (h < hits.length && hits[h].start < s) h++;
    const keywords: NormativeKeyword[] = [];
    while (h < hits.length && hits[h].start < e) keywords.push(hits[h++].keyword);
    if (!keywords.length) continue;
    out.push({
      text: flat.text.slice(s, e).replace(/ {2,}/g, ' '),
      range: index.range(flat.sourceOffset(s), flat.sourceOffset(e - 1) + 1),
      level: strongest(keywords),
      keywords,
      headingPath,
    });
  }
  return out;
}

function trimmed(text: string): [number, number][] {
  let s = 0;
  let e = text.length;
  while (s < e && text[s] === ' ') s++;
  while (e > s && text[e - 1] === ' ') e--;
  return e > s ? [[s, e]] : [];
}
