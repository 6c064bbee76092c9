import type { Heading, Html, RootContent } from 'mdast';
import type { Node } from 'unist';
import type { BlockFacts } from './blocks';
import type { IncrementalMarkdownParser } from './markdown';
import type { HeadingMatch } from './rules/section-model';

/**
 * What the model building remembers about tree nodes, per document: the
 * incremental parser hands the nodes of unchanged chunks back as they were,
 * so their facts are not computed again. Owned by the document's parser
 * (see markdown.ts); a one-off parse gets a fresh one.
 */
export interface NodeMemo {
  /** Facts of top-level blocks (blocks.ts). */
  facts: WeakMap<Node, BlockFacts>;
  /** HTML blocks split at their heading lines, valid while the node starts where it did (html.ts). */
  htmlSplits: WeakMap<Html, { start: number; out: RootContent[] }>;
  /** Whether a block mentions a status at all (statuses.ts). */
  statusMentions: WeakMap<RootContent, boolean>;
  /** What a section's body says, by its heading node: valid while the body has the same blocks (parse.ts). */
  sectionTexts: WeakMap<Node, SectionTexts>;
  /** A heading's text, read once per heading node: the node is the same only while its chunk's text is (parse.ts). */
  headings: WeakMap<Heading, HeadingText>;
  /**
   * The standard section a heading stands for, by its text (rules/section-model.ts): several rules ask for every
   * heading on every keystroke, and the answer depends only on the text. Cleared past a bound, since typing a
   * heading leaves an entry for each of its spellings on the way.
   */
  sectionMatches: Map<string, HeadingMatch | undefined>;
  /**
   * Parses the Specification section's text again for its normative statements (trace/statements.ts): an
   * incremental parser of its own, so that an edit re-parses only the chunk it touched.
   */
  specification?: IncrementalMarkdownParser;
}

/** What a heading says, with its text's place as offsets from the heading's start (the node moves with the text before it). */
export interface HeadingText {
  raw: string;
  text: string;
  numbering?: string;
  setext: boolean;
  textStart: number;
  textEnd: number;
}

/** A section body's texts, computed from its blocks' facts when first asked for. */
export interface SectionTexts {
  facts: readonly BlockFacts[];
  words?: number;
  plain?: string;
  folded?: string;
  links?: string[];
}

export function newNodeMemo(): NodeMemo {
  return { facts: new WeakMap(), htmlSplits: new WeakMap(), statusMentions: new WeakMap(), sectionTexts: new WeakMap(), headings: new WeakMap(), sectionMatches: new Map() };
}
