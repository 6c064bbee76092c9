import type { Definition, Link } from 'mdast';
import type { Node } from 'unist';
import { parseMarkdown } from './markdown';
import { span } from './mdast';
import { LineIndex, rangeContains } from './text';
import type { Position, Range, SepDocument } from './types';
import { findSep, type WorkspaceIndex, type WorkspaceSep } from './workspace';

/** A range of the document that leads to a workspace SEP. */
export interface SepLink {
  range: Range;
  target: WorkspaceSep;
}

/** `./1686-tasks.md`, `1686-tasks.md`, `../seps/1686-tasks.md#anchor`: the file name of a relative link to a SEP. */
const RELATIVE_SEP = /^(?:\.{1,2}\/)*(?:seps\/)?((\d+)-[^/#?]*\.md)(?:#.*)?$/i;

/**
 * Every `SEP-N` mention and relative `N-slug.md` link that names a SEP in
 * the workspace, with the workspace file it leads to.
 */
export function sepLinks(doc: SepDocument, workspace: WorkspaceIndex): SepLink[] {
  const out: SepLink[] = [];
  for (const m of doc.mentions) {
    const target = findSep(workspace, m.number);
    if (target && !m.linked) out.push({ range: m.range, target });
  }
  const index = new LineIndex(doc.text);
  walk(parseMarkdown(doc.text), (node) => {
    const url = (node as Link | Definition).url;
    const m = RELATIVE_SEP.exec(url);
    if (!m) return;
    const target = workspace.seps.find((s) => s.fileName.toLowerCase() === m[1].toLowerCase()) ?? findSep(workspace, m[2]);
    if (!target) return;
    const [s, e] = span(node);
    out.push({ range: index.range(s, e), target });
  });
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The workspace SEP a position refers to (go to definition). */
export function sepAt(doc: SepDocument, position: Position, workspace: WorkspaceIndex): WorkspaceSep | undefined {
  const linked = doc.mentions.find((m) => rangeContains(m.range, position));
  if (linked) {
    const t = findSep(workspace, linked.number);
    if (t) return t;
  }
  return sepLinks(doc, workspace).find((l) => rangeContains(l.range, position))?.target;
}

function walk(node: Node, fn: (node: Node) => void): void {
  if (node.type === 'link' || node.type === 'definition') fn(node);
  for (const k of (node as { children?: Node[] }).children ?? []) walk(k, fn);
}
