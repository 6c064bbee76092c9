import type { NodeMemo } from './memo';
import type { Heading, Html, RootContent } from 'mdast';
import { span } from './mdast';

/**
 * Issue-era SEPs were often written in HTML: `<h2>Preamble</h2>` on a line of
 * its own, then `<b>Title:</b> …<br>` lines. CommonMark reads such a block as
 * one HTML node; this turns each heading line in it into a heading node (its
 * text, tags removed, as the one child) and keeps the lines between as HTML
 * nodes, so sections and the preamble are found as in Markdown.
 */

const HEADING_LINE = /^([ \t]*<h([1-6])(?:\s[^>]*)?>)(.*?)<\/h\2>[ \t]*$/i;
const CANDIDATE = /<h[1-6][\s>]/i;

/**
 * The top-level blocks with HTML heading lines split out as headings; the same array when there are none.
 * @param memo splits by node, valid while the node starts where it did: the incremental parser shifts reused
 *   nodes in place
 */
export function withHtmlHeadings(top: RootContent[], text: string, memo: NodeMemo['htmlSplits']): RootContent[] {
  if (!top.some((n) => n.type === 'html' && CANDIDATE.test(n.value))) return top;
  return top.flatMap((n) => (n.type === 'html' && CANDIDATE.test(n.value) ? split(n, text, memo) : [n]));
}

function split(node: Html, text: string, cache: NodeMemo['htmlSplits']): RootContent[] {
  const [start, end] = span(node);
  const known = cache.get(node);
  if (known?.start === start) return known.out;
  const out: RootContent[] = [];
  let restStart: number | undefined;
  let restEnd = start;
  let at = start;
  const flush = () => {
    if (restStart !== undefined) out.push(html(text, restStart, restEnd));
    restStart = undefined;
  };
  while (at < end) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl === -1 || nl > end ? end : nl;
    const line = text.slice(at, lineEnd).replace(/\r$/, '');
    const m = HEADING_LINE.exec(line);
    if (m) {
      flush();
      out.push(heading(at, at + line.length, Number(m[2]), at + m[1].length, m[3]));
    } else if (line.trim() !== '') {
      restStart ??= at;
      restEnd = at + line.length;
    }
    at = lineEnd + 1;
  }
  flush();
  cache.set(node, { start, out });
  return out;
}

function position(s: number, e: number) {
  return { start: { line: 1, column: 1, offset: s }, end: { line: 1, column: 1, offset: e } };
}

function html(text: string, s: number, e: number): Html {
  return { type: 'html', value: text.slice(s, e), position: position(s, e) };
}

function heading(s: number, e: number, depth: number, innerStart: number, inner: string): Heading {
  const children: Heading['children'] = inner.trim()
    ? [{ type: 'text', value: inner.replace(/<[^<>]*>/g, ''), position: position(innerStart, innerStart + inner.length) }]
    : [];
  return { type: 'heading', depth: depth as Heading['depth'], children, position: position(s, e) };
}
