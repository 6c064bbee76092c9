import { rangeContains } from './text';
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
  for (const link of doc.linkTargets) {
    const m = RELATIVE_SEP.exec(link.url);
    if (!m) continue;
    const target = workspace.seps.find((s) => s.fileName.toLowerCase() === m[1].toLowerCase()) ?? findSep(workspace, m[2]);
    if (target) out.push({ range: link.range, target });
  }
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
