import type { RootContent } from 'mdast';
import type { Node } from 'unist';
import { plain, span, walk } from './mdast';
import { countWords, foldProse, trimChars } from './text';

/**
 * What the document model needs from one top-level block. It depends only on
 * the block's own text, so it is computed once per node: the incremental
 * parser hands back the same node objects for unchanged chunks, and a
 * keystroke recomputes only the blocks it touched. Offsets are relative to
 * the block's start because a reused block only ever moves as a whole.
 */
export interface BlockFacts {
  /** Prose, as {@link plain} gives it. */
  plain: string;
  /** `countWords(plain)`; words never span blocks, so a section's count is the sum. */
  words: number;
  /** `foldProse(plain)`, computed when first asked for and kept with the block's other facts. */
  folded: string;
  /** Link, definition and `href` targets. */
  links: string[];
  /** Link and definition nodes with their offsets (bare URLs and `href`s are not nodes, so not here). */
  targets: { url: string; start: number; end: number }[];
  /** HTML comments anywhere in the block (headings included). */
  comments: { text: string; start: number; end: number }[];
  /** `SEP-<n>` in text outside headings. */
  mentions: { number: string; start: number; end: number; linked: boolean }[];
}

/** The facts of a top-level block of `text`'s tree, from the memo when the node was seen before. */
export function blockFacts(block: RootContent, text: string, memo: WeakMap<Node, BlockFacts>): BlockFacts {
  let facts = memo.get(block);
  if (!facts) {
    facts = computeFacts(block, text);
    memo.set(block, facts);
  }
  return facts;
}

function computeFacts(block: RootContent, text: string): BlockFacts {
  const base = span(block)[0];
  const prose = plain(block);
  const facts = emptyFacts(prose);
  visit(block, (node, { inLink, inHeading }) => {
    if (node.type === 'link' || node.type === 'definition') {
      const url = (node as unknown as { url: string }).url;
      const [s, e] = span(node);
      facts.links.push(url);
      facts.targets.push({ url, start: s - base, end: e - base });
    }
    if (node.type === 'html') {
      const value = (node as unknown as { value: string }).value;
      for (const m of value.matchAll(/href\s*=\s*["']([^"']+)["']/gi)) facts.links.push(m[1]);
      const [s, e] = span(node);
      if (value.startsWith('<!--')) facts.comments.push({ text: value, start: s - base, end: e - base });
    } else if (node.type === 'text') {
      const [s, e] = span(node);
      const source = text.slice(s, e);
      const urls = inLink ? [] : bareUrls(source);
      for (const u of urls) facts.links.push(u.url);
      if (inHeading) return;
      for (const m of source.matchAll(/\bSEP-(\d+)\b/g)) {
        const start = s - base + m.index;
        // Inside a bare URL a mention is part of a link, as GitHub renders it.
        const inUrl = urls.some((u) => u.start <= m.index && m.index < u.end);
        facts.mentions.push({ number: m[1], start, end: start + m[0].length, linked: inLink || inUrl });
      }
    }
  });
  return facts;
}

/**
 * Facts with nothing found yet. The word count is computed on demand (only the
 * Abstract's is ever asked for); made outside computeFacts so that its getter
 * does not keep the document's text alive.
 */
function emptyFacts(prose: string): BlockFacts {
  let words: number | undefined;
  let folded: string | undefined;
  return {
    plain: prose,
    get words() {
      return (words ??= countWords(prose));
    },
    get folded() {
      return (folded ??= foldProse(prose));
    },
    links: [],
    targets: [],
    comments: [],
    mentions: [],
  };
}

/** GitHub's autolink literals: `https://…`, `http://…` and `www.…`, without trailing punctuation. */
export const BARE_URL = /(?<![\w/@.-])(?:https?:\/\/|www\.)[^\s<>]+/gi;

/** Bare URLs in a text's source, with their offsets in it. */
export function bareUrls(source: string): { url: string; start: number; end: number }[] {
  const out: { url: string; start: number; end: number }[] = [];
  for (const m of source.matchAll(BARE_URL)) {
    let url = trimChars(m[0], '.,:;!?"\'*_~');
    // A closing parenthesis belongs to the URL only when it balances one inside it.
    while (url.endsWith(')') && (url.match(/\)/g) ?? []).length > (url.match(/\(/g) ?? []).length) url = url.slice(0, -1);
    out.push({ url, start: m.index, end: m.index + url.length });
  }
  return out;
}

interface VisitState {
  inLink: boolean;
  inHeading: boolean;
}

function visit(node: Node, fn: (node: Node, state: VisitState) => void): void {
  const enter = (n: Node, state: VisitState): VisitState => ({
    inLink: state.inLink || n.type === 'link' || n.type === 'linkReference',
    inHeading: state.inHeading || n.type === 'heading',
  });
  walk(node, { inLink: false, inHeading: false }, enter, fn);
}
