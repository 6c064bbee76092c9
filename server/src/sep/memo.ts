import type { Html, RootContent } from 'mdast';
import type { Node } from 'unist';
import type { BlockFacts } from './blocks';

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
}

export function newNodeMemo(): NodeMemo {
  return { facts: new WeakMap(), htmlSplits: new WeakMap(), statusMentions: new WeakMap() };
}
