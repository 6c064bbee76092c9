import type { Heading, Root, RootContent } from 'mdast';
import { plain, span } from './mdast';
import type { Node } from 'unist';
import { IncrementalMarkdownParser, parseMarkdown } from './markdown';
import { LINE_BREAK, LineIndex, lineEnding, splitLines } from './text';
import { blockFacts, type BlockFacts } from './blocks';
import { MAX_NESTING, excessMarkers } from './nesting';
import { newNodeMemo, type NodeMemo, type HeadingText, type SectionTexts } from './memo';
import { buildSectionModel, type SectionModel } from './rules/section-model';
import { computeStatements } from './trace/statements';
import type { NormativeStatement } from './trace/types';
import { MAX_CHECKED_CHARS, tooLargeToCheck } from './limits';
import { extractHeader } from './header';
import { parseTitle } from './title';
import { withHtmlHeadings } from './html';
import { strayStatuses } from './statuses';
import type { Range, SepComment, SepDocument, SepHeading, SepMention, SepOrigin, SepSection, SepTitle } from './types';

export interface ParseOptions {
  /** Base name of the file (`1686-tasks.md`); rules about the file name need it. */
  fileName?: string;
  /** Reuse the parses of unchanged parts of an earlier version of the same document. */
  parser?: IncrementalMarkdownParser;
  /** The text is the body of this GitHub issue or pull request: its title is the SEP's title. */
  origin?: SepOrigin;
}

/**
 * Builds the document model of a SEP. Never throws on any input text. A text
 * longer than the engine checks (limits.ts) is not parsed: its model is empty
 * and says so in `tooLarge`.
 */
export function parseSep(text: string, options: ParseOptions = {}): SepDocument {
  if (tooLargeToCheck(text)) {
    const empty: Root = { type: 'root', children: [] };
    const doc = buildModel(text, empty, options.fileName, options.origin, newNodeMemo());
    doc.tooLarge = { chars: text.length, limit: MAX_CHECKED_CHARS };
    return doc;
  }
  const root = options.parser ? options.parser.parse(text) : parseMarkdown(text);
  return buildModel(text, root, options.fileName, options.origin, options.parser?.memo ?? newNodeMemo());
}

function buildModel(text: string, root: Root, fileName: string | undefined, origin: SepOrigin | undefined, memo: NodeMemo): SepDocument {
  const index = new LineIndex(text);
  const range = (n: Node): Range => {
    const [s, e] = span(n);
    return index.range(s, e);
  };
  const top = withHtmlHeadings(root.children, text, memo.htmlSplits);
  const facts = top.map((n) => blockFacts(n, text, memo.facts));
  const frontMatterNode = top.find((n) => n.type === 'yaml' || (n.type as string) === 'toml');

  const headingNodes: { node: Heading; at: number }[] = [];
  top.forEach((n, at) => {
    if (n.type === 'heading') headingNodes.push({ node: n, at });
  });
  const headings = headingNodes.map(({ node }) => toHeading(node, text, index, memo.headings));

  const sections: SepSection[] = headingNodes.map(({ node, at }, i) => {
    const heading = headings[i];
    let endAt = top.length;
    for (let j = i + 1; j < headingNodes.length; j++) {
      if (headingNodes[j].node.depth <= node.depth) {
        endAt = headingNodes[j].at;
        break;
      }
    }
    const body = top.slice(at + 1, endAt);
    const bodyFacts = facts.slice(at + 1, endAt);
    const bodyStartLine = heading.range.end.line + 1;
    const bodyEnd = endAt < top.length ? span(top[endAt])[0] : text.length;
    const bodyEndPos = index.position(bodyEnd);
    const bodyRange: Range = {
      start: bodyStartLine < index.lineCount ? { line: bodyStartLine, character: 0 } : heading.range.end,
      end: bodyEndPos,
    };
    return section(heading, bodyRange, sectionTexts(memo.sectionTexts, node, bodyFacts), body.some((b) => !isComment(b)));
  });

  const titleIdx = headings.findIndex((h) => h.depth === 1 || /^\s*SEP\b/i.test(h.raw));
  const titleHeading = titleIdx === 0 || (titleIdx > 0 && headings[titleIdx].depth === 1 && /^\s*SEP\b/i.test(headings[titleIdx].raw))
    ? headings[titleIdx]
    : undefined;
  const title = origin ? issueTitle(origin.title) : titleHeading ? parseTitle(titleHeading) : undefined;

  const comments: SepComment[] = [];
  const mentions: SepMention[] = [];
  const linkTargets: SepDocument['linkTargets'] = [];
  top.forEach((n, i) => {
    const base = span(n)[0];
    for (const c of facts[i].comments) comments.push({ text: c.text, range: index.range(base + c.start, base + c.end) });
    for (const m of facts[i].mentions) mentions.push({ number: m.number, range: index.range(base + m.start, base + m.end), linked: m.linked });
    for (const t of facts[i].targets) linkTargets.push({ url: t.url, range: index.range(base + t.start, base + t.end) });
  });

  const deep = excessMarkers(text, MAX_NESTING, 1)[0];
  const tooDeepLine = deep === undefined ? undefined : index.position(deep).line;
  const unclosedFences = top
    .filter((n) => n.type === 'code' && isUnclosedFence(n, text))
    .map((n) => range(n));

  const header = extractHeader({ text, index, top, headings: headingNodes, title: titleHeading, sections });
  return withDerived(memo, {
    text,
    lines: index,
    fileName,
    ...(origin ? { origin } : {}),
    eol: lineEnding(text),
    lineCount: index.lineCount,
    frontMatter: frontMatterNode ? range(frontMatterNode) : undefined,
    title,
    header,
    strayStatuses: strayStatuses(top, text, index, header, memo.statusMentions),
    headings,
    sections,
    comments,
    mentions,
    linkTargets,
    unclosedFences,
    tooDeep: tooDeepLine === undefined ? undefined : index.range(index.starts[tooDeepLine], index.lineEnd(tooDeepLine)),
  });
}

/**
 * The document with its derived data, each computed on first use and kept: the section model and the normative
 * statements. Made outside buildModel so that the getters keep only the document alive, not the parse tree.
 */
function withDerived(memo: NodeMemo, doc: Omit<SepDocument, 'sectionModel' | 'normativeStatements'>): SepDocument {
  const full = doc as SepDocument;
  let model: SectionModel | undefined;
  let statements: NormativeStatement[] | undefined;
  Object.defineProperty(doc, 'sectionModel', { get: () => (model ??= buildSectionModel(full, memo.sectionMatches)), enumerable: false });
  Object.defineProperty(doc, 'normativeStatements', { get: () => (statements ??= computeStatements(full, (text) => (memo.specification ??= new IncrementalMarkdownParser()).parse(text))), enumerable: false });
  return full;
}

/** An issue's title read as a SEP title; its ranges are empty at the document's start, where findings about it go. */
function issueTitle(raw: string): SepTitle {
  const at: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const text = raw.replace(/\s+/g, ' ').trim();
  const t = parseTitle({ depth: 1, raw: text, text, range: at, textRange: at, setext: false });
  return { ...t, range: at, fromIssue: true, ...(t.numberRange ? { numberRange: at } : {}), ...(t.nameRange ? { nameRange: at } : {}) };
}

/**
 * A section whose word count and prose are computed when a rule first asks:
 * only a few sections' are needed, and the title's section spans the whole
 * document. Made here rather than inside buildModel, so that the getters keep
 * only the section's block facts alive, not the document's parse tree.
 */
function section(heading: SepHeading, bodyRange: Range, texts: SectionTexts, hasContent: boolean): SepSection {
  const { facts } = texts;
  return {
    heading,
    bodyRange,
    get wordCount() {
      return (texts.words ??= facts.reduce((n, f) => n + f.words, 0));
    },
    get plainText() {
      return (texts.plain ??= facts.map((f) => f.plain).join('\n').trim());
    },
    get foldedText() {
      // The blocks' plain texts are joined by line breaks, which folding makes one space with the white space
      // around them: so each block's folded text (no space at either end) joined by one space, the empty ones left out.
      return (texts.folded ??= facts.map((f) => f.folded).filter((t) => t !== '').join(' '));
    },
    hasContent,
    get links() {
      return (texts.links ??= facts.flatMap((f) => f.links));
    },
  };
}

/**
 * The texts of the section under `heading`, kept from the last model of this document when its body holds the
 * same blocks (facts are kept per block node, so an untouched section's are the same objects): a keystroke then
 * joins only the edited section's text again.
 */
function sectionTexts(memo: WeakMap<Node, SectionTexts>, heading: Node, facts: BlockFacts[]): SectionTexts {
  const kept = memo.get(heading);
  if (kept && kept.facts.length === facts.length && kept.facts.every((f, i) => f === facts[i])) return kept;
  const texts: SectionTexts = { facts };
  memo.set(heading, texts);
  return texts;
}

function toHeading(node: Heading, text: string, index: LineIndex, memo: WeakMap<Heading, HeadingText>): SepHeading {
  const [s, e] = span(node);
  let read = memo.get(node);
  if (!read) {
    read = readHeading(node, text, s, e);
    memo.set(node, read);
  }
  const { raw, text: headingText, numbering, setext, textStart, textEnd } = read;
  return {
    depth: node.depth,
    raw,
    text: headingText,
    numbering,
    range: index.range(s, e),
    textRange: index.range(s + textStart, s + textEnd),
    setext,
  };
}

/** What the heading at [s, e) of the text says. */
function readHeading(node: Heading, text: string, s: number, e: number): HeadingText {
  const kids = node.children;
  const firstLine = splitLines(text.slice(s, e))[0];
  const setext = !/^\s*#/.test(firstLine);
  let ts: number;
  let te: number;
  if (kids.length) {
    ts = span(kids[0])[0];
    te = span(kids[kids.length - 1])[1];
  } else {
    const m = /^(\s*#+\s*)/.exec(firstLine);
    ts = te = s + (m ? m[1].length : 0);
  }
  // Each run of white space holding a line break becomes one space; `\s+` never retries inside a run.
  const raw = text.slice(ts, te).replace(/\s+/g, (ws) => (LINE_BREAK.test(ws) ? ' ' : ws));
  const flat = kids.map((k) => plain(k)).join('').replace(/\s+/g, ' ').trim();
  const num = /^((?:\d+\.)+\d*|\d+\)|[IVX]+\.)\s+/.exec(flat);
  const rest = num ? flat.slice(num[0].length) : flat;
  const textNoNum = (rest.endsWith(':') ? rest.slice(0, -1) : rest).trim();
  return { raw, text: textNoNum, numbering: num ? num[1] : undefined, setext, textStart: ts - s, textEnd: te - s };
}

function isComment(n: RootContent): boolean {
  const v = n.type === 'html' ? n.value.trim() : '';
  return v.length >= 7 && v.startsWith('<!--') && v.endsWith('-->');
}

function isUnclosedFence(node: Node, text: string): boolean {
  const [s, e] = span(node);
  const source = text.slice(s, e);
  const open = /^\s*(`{3,}|~{3,})/.exec(source);
  if (!open) return false;
  const lines = splitLines(source);
  if (lines.length < 2) return true;
  const last = lines[lines.length - 1].trim();
  return !(last[0] === open[1][0] && /^(`+|~+)$/.test(last) && last.length >= open[1].length);
}
