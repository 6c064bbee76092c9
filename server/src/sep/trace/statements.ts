import type { Node } from 'unist';
import { parseMarkdown } from '../markdown';
import { span } from '../mdast';
import { LineIndex } from '../text';
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

const CACHE = new WeakMap<SepDocument, NormativeStatement[]>();

/**
 * The normative statements of a SEP: each sentence (in a paragraph, list item or block quote), table cell or
 * heading of the Specification section and its subsections that holds a capitalised BCP 14 keyword outside code,
 * in document order. Lower-case `must` is not normative (RFC 8174). Empty when the SEP has no Specification
 * section. Computed once per document; iterative, linear in the section's length.
 */
export function normativeStatements(doc: SepDocument): NormativeStatement[] {
  let found = CACHE.get(doc);
  if (!found) {
    found = compute(doc);
    CACHE.set(doc, found);
  }
  return found;
}

function compute(doc: SepDocument): NormativeStatement[] {
  const section = findSection(doc, 'Specification')?.section;
  if (!section) return [];
  const index = new LineIndex(doc.text);
  const base = index.offset(section.bodyRange.start);
  const end = index.offset(section.bodyRange.end);
  if (end <= base) return [];
  const root = parseMarkdown(doc.text.slice(base, end));
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
