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
 * extension alone costs about a third of a parse. `tables: false` leaves out
 * tables too, for text {@link mayHoldTable} clears.
 */
function gfmWithoutAutolinks(this: Processor, options: { tables: boolean }): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  const tables = options.tables;
  (data.micromarkExtensions ??= []).push(...(tables ? [gfmTable()] : []), gfmFootnote(), gfmStrikethrough(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(
    ...(tables ? [gfmTableFromMarkdown()] : []),
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

const markdown = (tables: boolean) =>
  unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(gfmWithoutAutolinks, { tables });
const withTables = markdown(true);
const withoutTables = markdown(false);

/**
 * Whether the text has a line that could be a table's delimiter row (`| --- | :-: |`): one that ends, after any
 * container prefix (`>`, list markers, indentation), in a run of spaces, tabs, `|`, `:` and `-` holding a `-`.
 * Only then can a table start, so only then does a slice need the table construct, which otherwise tokenizes the
 * first line of every paragraph before it gives up: in a new process, before V8 has compiled it, that took about
 * a third of the first parse of the largest reference SEP. Each character is read at most once.
 */
export function mayHoldTable(text: string): boolean {
  let dash = text.indexOf('-');
  while (dash !== -1) {
    let i = dash + 1;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 45 /* - */ && c !== 32 && c !== 9 && c !== 124 /* | */ && c !== 58 /* : */) break;
    }
    if (i === text.length || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return true;
    dash = text.indexOf('-', i);
  }
  return false;
}

/**
 * Parses one slice of Markdown (a chunk, a run of chunks or a whole document)
 * into a tree whose offsets are the slice's own. The adapter may supply one
 * that parses elsewhere, or that throws to stop a parse past its time budget.
 */
export type SliceParser = (text: string) => Root;

/** One parse in this thread, past the nesting guard (see nesting.ts); offsets are the text's own. */
export const parseSlice: SliceParser = (text) => {
  const capped = capNesting(text);
  return (mayHoldTable(capped) ? withTables : withoutTables).parse(capped) as Root;
};

/** {@link parseSlice} with the table construct whatever the text: what it must equal (the tests compare them). */
export const parseSliceWithTables: SliceParser = (text) => withTables.parse(capNesting(text)) as Root;

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
  /** The definitions the chunk makes, as {@link definitionLines} writes them. */
  defines: string[];
}

/**
 * The longest list of definitions (in characters) a chunk is parsed with: every
 * chunk parse also parses the list. A document defining more (some fifty
 * labels; the merged SEPs' longest list is 370 characters) is parsed whole.
 */
const MAX_DEFINITIONS = 1024;

/**
 * Parses a document as independent chunks, each starting at a top-level ATX
 * heading or at a top-level block after a blank line, and re-parses only the
 * chunks whose text changed since the last call. A chunk boundary is placed
 * only where the whole-document parse would also start a new top-level block
 * (never inside front matter, fenced code or an HTML comment, `<pre>`,
 * `<script>`, `<style>`, `<textarea>`, `<?`, `<!X` or CDATA block, and never
 * before a list item, which may continue a list), so the result equals
 * {@link parseMarkdown}'s.
 *
 * Link reference and footnote definitions reach across chunks: `[x]` is a
 * reference only if some part of the document defines `x`. So each chunk is
 * parsed with the document's definitions appended (after a blank line, as
 * `[x]: #`), and the nodes they make are dropped. Which definitions a document
 * makes is known only once its chunks are parsed; when that differs from the
 * list they were parsed with, every chunk is parsed again with the new list.
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

  /** The definitions appended to every chunk parsed, as {@link definitionLines} joins them; '' when none. */
  private definitions = '';

  parse(text: string): Root {
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const scan = chunkBounds(text, bom);
    if (scan !== undefined && scan.definitions.length <= MAX_DEFINITIONS) {
      if (this.cache.size === 0) this.definitions = scan.definitions;
      // A second pass when the chunks define other labels than they were parsed with; it finds the same ones.
      for (let pass = 0; pass < 2; pass++) {
        const children = this.chunks(text, scan.bounds);
        if (children === undefined) break;
        const definitions = definitionLines(this.cache.values());
        if (definitions === this.definitions) {
          return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } };
        }
        if (definitions.length > MAX_DEFINITIONS) break;
        this.definitions = definitions;
        this.cache.clear();
      }
    }
    this.cache.clear();
    this.definitions = '';
    return parseMarkdown(text, this.parseCapped);
  }

  /** The document's top-level nodes, chunk by chunk; undefined when a chunk's last block runs into the appended definitions. */
  private chunks(text: string, bounds: number[]): RootContent[] | undefined {
    if (this.cache.size === 0) this.cache = seedChunks(text, bounds, this.parseCapped, this.definitions);
    const next = new Map<string, Chunk[]>();
    const children: RootContent[] = [];
    for (let i = 0; i < bounds.length; i++) {
      const start = bounds[i];
      const end = i + 1 < bounds.length ? bounds[i + 1] : text.length;
      const slice = text.slice(start, end);
      let chunk = this.cache.get(slice)?.shift();
      if (chunk === undefined) {
        const own = parseWith(slice, this.definitions, this.parseCapped);
        if (own === undefined) return undefined;
        chunk = { root: own, base: 0, defines: definedIn(own.children) };
      }
      if (chunk.base !== start) {
        shift(chunk.root, start - chunk.base);
        chunk.base = start;
      }
      addChunk(next, slice, chunk);
      children.push(...chunk.root.children);
    }
    this.cache = next;
    return children;
  }
}

/**
 * Parses `slice` with `definitions` appended, and drops the nodes they make;
 * undefined when the slice's last block runs on into them (an unclosed fence
 * or comment), so the slice cannot be parsed apart from what follows it.
 */
function parseWith(slice: string, definitions: string, parseCapped: SliceParser): Root | undefined {
  if (definitions === '') return parseCapped(slice);
  const root = parseCapped(`${slice}\n\n${definitions}`);
  let own = root.children.length;
  while (own > 0 && (root.children[own - 1].position?.start.offset ?? 0) >= slice.length) own--;
  if (own > 0 && (root.children[own - 1].position?.end.offset ?? 0) > slice.length) return undefined;
  root.children.length = own;
  return root;
}

/**
 * The definitions made by these nodes or any block inside them, each written
 * as a line that makes the same definition: `[label]: #` or `[^label]: #`.
 * (A reference only asks whether its label is defined, not where to.)
 */
function definedIn(nodes: readonly RootContent[]): string[] {
  const found: string[] = [];
  const stack: Node[] = [...nodes];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'definition') found.push(`[${(node as { label?: string }).label ?? ''}]: #`);
    else if (node.type === 'footnoteDefinition') found.push(`[^${(node as { label?: string }).label ?? ''}]: #`);
    // Definitions sit in block containers only; paragraphs, headings and tables hold none.
    if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
      stack.push(...((node as { children?: Node[] }).children ?? []));
    }
  }
  return found.length ? found : NONE;
}

const NONE: string[] = [];

/** The definitions every chunk makes, each once, sorted (so the list does not change when chunks move), one per line. */
function definitionLines(chunks: Iterable<Chunk[]>): string {
  const all = new Set<string>();
  for (const list of chunks) for (const chunk of list) for (const line of chunk.defines) all.add(line);
  return all.size === 0 ? '' : [...all].sort().join('\n');
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
function seedChunks(text: string, bounds: number[], parseCapped: SliceParser, definitions: string): Map<string, Chunk[]> {
  const cache = new Map<string, Chunk[]>();
  for (let first = 0, last = 1; first < bounds.length; first = last, last = first + 1) {
    while (last < bounds.length && bounds[last] - bounds[first] < SEED_RUN) last++;
    const end = bounds[last] ?? text.length;
    const root = parseWith(text.slice(bounds[first], end), definitions, parseCapped);
    if (root === undefined) continue;
    shift(root, bounds[first]);
    const groups = splitRun(root, bounds.slice(first, last), end);
    groups?.forEach((children, i) => {
      const start = bounds[first + i];
      addChunk(cache, text.slice(start, bounds[first + i + 1] ?? text.length), { root: { type: 'root', children }, base: start, defines: definedIn(children) });
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
export const DEFINITION = /^ {0,3}\[([^\]]+)\]:/;
// chunkBounds tests these on most lines of a document on every keystroke: a regular expression literal inside the
// loop would make a new RegExp object each time (about 150 KB of garbage per scan of the largest SEP).
const NOT_SPACE = /^\S/;
const INDENTED = /^[ \t]/;
const COMMENT_OPEN = /^ {0,3}<!--/;
const BLANK = /^[ \t]*$/;
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
 * blocks that would hide them, with a first guess at the definitions the
 * chunks make (from lines that look like one). Undefined when it is unclear
 * which block an indented line belongs to.
 */
function chunkBounds(text: string, from: number): { bounds: number[]; definitions: string } | undefined {
  const bounds = [from];
  const defines = new Set<string>();
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
    if (!(fence || comment || until || raw) && isAsciiLetter(text.charCodeAt(pos))) {
      // Most lines are prose starting with a letter: no heading, fence, HTML, definition or list item, and a
      // block that closes at a blank line. The same steps as below, without cutting out the line.
      if (!first && blank && closes) bounds.push(pos);
      indented = false;
      blank = false;
      closes = true;
      first = false;
      pos = lineEnd + 1;
      continue;
    }
    const line = text.slice(pos, text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
    if (indented && (fence || comment || until || raw) && NOT_SPACE.test(line)) return undefined; // which block ends here is unclear
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
      indented = INDENTED.test(line);
      if (f && !(f[1][0] === '`' && f[2].includes('`'))) fence = { char: f[1][0], len: f[1].length };
      else if (COMMENT_OPEN.test(line)) comment = !line.slice(line.indexOf('<!--') + 4).includes('-->');
      else if (r) raw = !RAW_CLOSE.test(line.slice(r[0].length));
      else if (o) {
        const end = OTHER_RAW_END[o[1]] ?? '>';
        until = line.slice(line.indexOf(o[1]) + o[1].length).includes(end) ? undefined : end;
      } else {
        const d = DEFINITION.exec(line);
        if (d) defines.add(`[${d[1]}]: #`);
      }
    }
    blank = BLANK.test(line);
    html = !blank && (html || HTML_START.test(line));
    if (!blank) closes = !CONTAINER.test(line);
    first = false;
    pos = lineEnd + 1;
  }
  return { bounds, definitions: [...defines].sort().join('\n') };
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
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
