import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Root, RootContent } from 'mdast';
import { capNesting } from './nesting';
import { newNodeMemo, type NodeMemo } from './memo';
import type { Node } from 'unist';
import type { Processor } from 'unified';

/**
 * GitHub Flavored Markdown without autolink literals: tables (headers written
 * as tables), footnotes, strikethrough and task lists parse as on GitHub. Bare
 * URLs are left as text and found by blocks.ts instead: the autolink-literal
 * extension alone costs about a third of a parse.
 */
function gfmWithoutAutolinks(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmStrikethrough(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(
    gfmTableFromMarkdown(),
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(gfmWithoutAutolinks);

/**
 * Parses one slice of Markdown (a chunk, a run of chunks or a whole document)
 * into a tree whose offsets are the slice's own. The adapter may supply one
 * that parses elsewhere, or that throws to stop a parse past its time budget.
 */
export type SliceParser = (text: string) => Root;

/** One parse in this thread, past the nesting guard (see nesting.ts); offsets are the text's own. */
export const parseSlice: SliceParser = (text) => processor.parse(capNesting(text)) as Root;

/** Parses the whole text in one go. */
export function parseMarkdown(text: string, parseCapped: SliceParser = parseSlice): Root {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = parseCapped(bom ? text.slice(1) : text);
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
 * heading or at a top-level block after a blank line, and re-parses only the
 * chunks whose text changed since the last call. A chunk boundary is placed
 * only where the whole-document parse would also start a new top-level block
 * (never inside front matter, fenced code or an HTML comment, `<pre>`,
 * `<script>`, `<style>`, `<textarea>`, `<?`, `<!X` or CDATA block, and never
 * before a list item, which may continue a list), so the result equals
 * {@link parseMarkdown}'s, except that link reference definitions resolve
 * only within their chunk; documents that have any fall back to a whole parse.
 */
export class IncrementalMarkdownParser {
  /** Parsed chunks by their text; a text that occurs several times has one chunk per occurrence. */
  private cache = new Map<string, Chunk[]>();
  /** What the model building remembers about this document's nodes between parses. */
  readonly memo: NodeMemo = newNodeMemo();

  /**
   * @param parseCapped parses each slice; when it throws, the parse stops there and the
   *   chunks already taken from the cache are parsed again next time.
   */
  constructor(private readonly parseCapped: SliceParser = parseSlice) {}

  parse(text: string): Root {
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const bounds = chunkBounds(text, bom);
    if (bounds === undefined) {
      this.cache.clear();
      return parseMarkdown(text, this.parseCapped);
    }
    if (this.cache.size === 0) this.cache = seedChunks(text, bounds, this.parseCapped);
    const next = new Map<string, Chunk[]>();
    const children: RootContent[] = [];
    for (let i = 0; i < bounds.length; i++) {
      const start = bounds[i];
      const end = i + 1 < bounds.length ? bounds[i + 1] : text.length;
      const slice = text.slice(start, end);
      const chunk = this.cache.get(slice)?.shift() ?? { root: this.parseCapped(slice), base: 0 };
      if (chunk.base !== start) {
        shift(chunk.root, start - chunk.base);
        chunk.base = start;
      }
      addChunk(next, slice, chunk);
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

/**
 * Characters per parse when nothing can be reused (a document is opened). A
 * run's tokens stay alive until its tree is built, so shorter runs give the
 * young-generation GC less to copy; much shorter ones add per-parse overhead.
 * 3000 opened the largest SEP about 10 ms sooner than 6000 in `npm run bench`.
 */
const SEED_RUN = 3000;

/**
 * Parses a whole document as runs of consecutive chunks a few KB long, split
 * into the cache: cheaper than one whole parse, whose time and garbage grow
 * faster than its length, and than hundreds of tiny parses. A run where a
 * block straddles a chunk boundary is left out; its chunks get parsed alone.
 */
function seedChunks(text: string, bounds: number[], parseCapped: SliceParser): Map<string, Chunk[]> {
  const cache = new Map<string, Chunk[]>();
  for (let first = 0, last = 1; first < bounds.length; first = last, last = first + 1) {
    while (last < bounds.length && bounds[last] - bounds[first] < SEED_RUN) last++;
    const end = bounds[last] ?? text.length;
    const root = parseCapped(text.slice(bounds[first], end));
    shift(root, bounds[first]);
    const groups = splitRun(root, bounds.slice(first, last), end);
    groups?.forEach((children, i) => {
      const start = bounds[first + i];
      addChunk(cache, text.slice(start, bounds[first + i + 1] ?? text.length), { root: { type: 'root', children }, base: start });
    });
  }
  return cache;
}

/** The top-level nodes of a run, grouped by the chunk they start in; undefined when one straddles a boundary. */
function splitRun(root: Root, starts: number[], end: number): RootContent[][] | undefined {
  const groups: RootContent[][] = starts.map(() => []);
  let k = 0;
  for (const node of root.children) {
    const at = node.position?.start.offset ?? 0;
    while (k + 1 < starts.length && starts[k + 1] <= at) k++;
    if ((node.position?.end.offset ?? 0) > (starts[k + 1] ?? end)) return undefined;
    groups[k].push(node);
  }
  return groups;
}

function addChunk(cache: Map<string, Chunk[]>, slice: string, chunk: Chunk): void {
  const list = cache.get(slice);
  if (list) list.push(chunk);
  else cache.set(slice, [chunk]);
}

function endPoint(text: string) {
  const lastBreak = text.lastIndexOf('\n');
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: text.length - lastBreak, offset: text.length };
}

export const FENCE = /^ {0,3}(`{3,}|~{3,})([^]*)/;
export const HEADING = /^#{1,6}(?:[ \t]|$)/;
export const RAW_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:[\s>]|$)/i;
/** Any of the four closing tags ends any of those blocks (CommonMark HTML block kind 1). */
export const RAW_CLOSE = /<\/(?:pre|script|style|textarea)>/i;
/** HTML blocks of kinds 3-5 (`<?`, `<!X`, `<![CDATA[`): like comments, they end only at their terminator. */
export const OTHER_RAW = /^ {0,3}<(\?|![A-Za-z]|!\[CDATA\[)/;
const OTHER_RAW_END: Record<string, string> = { '?': '?>', '![CDATA[': ']]>' };
export const DEFINITION = /^ {0,3}\[[^\]]+\]:/;
/** An HTML block of the kinds that run until a blank line, even over a heading line (or inline HTML: no harm in assuming so). */
export const HTML_START = /^ {0,3}<\/?[A-Za-z]/;
/**
 * A line that may belong to the block before it even after a blank line (a
 * list item, indented content), or that would read as front matter at a chunk's start.
 */
export const CONTINUES = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|^[ \t]|^$|^(?:---|\+\+\+)/;
/** The last line of a block that may run on (list, block quote, indented code): no chunk boundary after it. */
export const CONTAINER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|^[ \t>]/;

/**
 * Offsets where chunks start: the text start, every column-0 ATX heading and
 * every column-0 line after a blank line that cannot continue a list, outside
 * blocks that would hide them. Undefined when the text has link reference
 * definitions, which can reach across chunks.
 */
function chunkBounds(text: string, from: number): number[] | undefined {
  const bounds = [from];
  let fence: { char: string; len: number } | undefined;
  let raw = false;
  let comment = false;
  let until: string | undefined;
  let blank = false;
  /** Whether the last non-blank line closes cleanly at a blank line (not a list, quote or indented block). */
  let closes = false;
  /** The open block started indented: maybe inside a list item, which any column-0 line would end. */
  let indented = false;
  let html = false;
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
    if (indented && (fence || comment || until || raw) && /^\S/.test(line)) return undefined; // which block ends here is unclear
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len && m[2].trim() === '') fence = undefined;
    } else if (comment) {
      if (line.includes('-->')) comment = false;
    } else if (until) {
      if (line.includes(until)) until = undefined;
    } else if (raw) {
      if (RAW_CLOSE.test(line)) raw = false;
    } else {
      const f = FENCE.exec(line);
      const r = RAW_OPEN.exec(line);
      const o = OTHER_RAW.exec(line);
      const starts = !first && ((HEADING.test(line) && !html) || (blank && closes && !CONTINUES.test(line)));
      if (starts) bounds.push(pos);
      indented = /^[ \t]/.test(line);
      if (f && !(f[1][0] === '`' && f[2].includes('`'))) fence = { char: f[1][0], len: f[1].length };
      else if (/^ {0,3}<!--/.test(line)) comment = !line.slice(line.indexOf('<!--') + 4).includes('-->');
      else if (r) raw = !RAW_CLOSE.test(line.slice(r[0].length));
      else if (o) {
        const end = OTHER_RAW_END[o[1]] ?? '>';
        until = line.slice(line.indexOf(o[1]) + o[1].length).includes(end) ? undefined : end;
      } else if (DEFINITION.test(line)) return undefined;
    }
    blank = /^[ \t]*$/.test(line);
    html = !blank && (html || HTML_START.test(line));
    if (!blank) closes = !CONTAINER.test(line);
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
