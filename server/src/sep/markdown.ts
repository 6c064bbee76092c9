import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent } from 'mdast';
import type { Node } from 'unist';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);

/** Parses the whole text in one go. */
export function parseMarkdown(text: string): Root {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = processor.parse(bom ? text.slice(1) : text) as Root;
  if (bom) shift(root, 1);
  return root;
}

interface Chunk {
  root: Root;
  /** The offset this chunk's positions are currently shifted by. */
  base: number;
}

/**
 * Parses a document as independent chunks, each starting at a top-level ATX
 * heading, and re-parses only the chunks whose text changed since the last call.
 * A chunk boundary is placed only where the whole-document parse would also
 * see a heading (never inside front matter, fenced code or an HTML comment,
 * `<pre>`, `<script>`, `<style>` or `<textarea>` block), so the result equals
 * {@link parseMarkdown}'s, except that link reference definitions resolve
 * only within their chunk; documents that have any fall back to a whole parse.
 */
export class IncrementalMarkdownParser {
  private cache = new Map<string, Chunk>();

  parse(text: string): Root {
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const bounds = chunkBounds(text, bom);
    if (bounds === undefined) {
      this.cache.clear();
      return parseMarkdown(text);
    }
    const next = new Map<string, Chunk>();
    const children: RootContent[] = [];
    for (let i = 0; i < bounds.length; i++) {
      const start = bounds[i];
      const end = i + 1 < bounds.length ? bounds[i + 1] : text.length;
      const slice = text.slice(start, end);
      let chunk = next.get(slice) ?? this.cache.get(slice);
      if (chunk && next.has(slice)) chunk = undefined; // same text twice in one document: parse again
      if (!chunk) {
        chunk = { root: processor.parse(slice) as Root, base: 0 };
      }
      if (chunk.base !== start) {
        shift(chunk.root, start - chunk.base);
        chunk.base = start;
      }
      next.set(slice, chunk);
      children.push(...chunk.root.children);
    }
    this.cache = next;
    const end = endPoint(text);
    return {
      type: 'root',
      children,
      position: { start: { line: 1, column: 1, offset: 0 }, end },
    };
  }
}

function endPoint(text: string) {
  const lastBreak = text.lastIndexOf('\n');
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: text.length - lastBreak, offset: text.length };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
const RAW_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:[\s>]|$)/i;
const DEFINITION = /^ {0,3}\[[^\]]+\]:/;

/**
 * Offsets where chunks start: the text start and every column-0 ATX heading
 * outside blocks that would hide it. Undefined when the text has link
 * reference definitions, which can reach across chunks.
 */
function chunkBounds(text: string, from: number): number[] | undefined {
  const bounds = [from];
  let fence: { char: string; len: number } | undefined;
  let raw: string | undefined;
  let comment = false;
  let pos = from;
  let first = true;
  if (text.startsWith('---', from) || text.startsWith('+++', from)) {
    const marker = text.slice(from, from + 3);
    const close = text.indexOf(`\n${marker}`, from + 3);
    if (close !== -1) pos = close + 1;
    first = false;
  }
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len && m[2].trim() === '') fence = undefined;
    } else if (comment) {
      if (line.includes('-->')) comment = false;
    } else if (raw) {
      if (line.toLowerCase().includes(`</${raw}>`)) raw = undefined;
    } else {
      const f = FENCE.exec(line);
      const r = RAW_OPEN.exec(line);
      if (f && !(f[1][0] === '`' && f[2].includes('`'))) fence = { char: f[1][0], len: f[1].length };
      else if (/^ {0,3}<!--/.test(line)) comment = !line.slice(line.indexOf('<!--') + 4).includes('-->');
      else if (r) raw = line.toLowerCase().includes(`</${r[1].toLowerCase()}>`) ? undefined : r[1].toLowerCase();
      else if (DEFINITION.test(line)) return undefined;
      else if (HEADING.test(line) && !first) bounds.push(pos);
    }
    first = false;
    pos = lineEnd + 1;
  }
  return bounds;
}

/**
 * Moves every offset in the tree by `delta`. Only offsets are kept right:
 * consumers map offsets to positions with a LineIndex, never use line/column.
 */
function shift(root: Root, delta: number): void {
  if (delta === 0) return;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const p = node.position;
    if (p) {
      if (p.start.offset !== undefined) p.start.offset += delta;
      if (p.end.offset !== undefined) p.end.offset += delta;
    }
    const kids = (node as { children?: Node[] }).children;
    if (kids) for (const k of kids) stack.push(k);
  }
}
