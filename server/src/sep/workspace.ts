import type { Link, Root } from 'mdast';
import { parseMarkdown } from './markdown';
import { plain, walk } from './mdast';
import { parseSep } from './parse';

/** A SEP file found in the workspace's `seps/` folder. */
export interface WorkspaceSep {
  number: string;
  /** The proposal's name from its title (without `SEP-N:`), or the file name when it has none. */
  title: string;
  status?: string;
  /** Base name, e.g. `1686-tasks.md`. */
  fileName: string;
  /** Where the file is (a URI for the server, a path for the CLI); opaque to the engine. */
  location: string;
}

/** A maintainer who may sponsor a SEP. */
export interface Maintainer {
  name: string;
  /** GitHub handle without `@`. */
  handle: string;
  /** The list the maintainer appears under, e.g. `Core Maintainers`. */
  group?: string;
}

/** What the engine may know about the workspace: plain data, built by the adapter from disk. */
export interface WorkspaceIndex {
  seps: WorkspaceSep[];
  maintainers: Maintainer[];
}

export const EMPTY_WORKSPACE: WorkspaceIndex = { seps: [], maintainers: [] };

/**
 * The most of a SEP file the index reads: its title and header come before the first section (at most about
 * 3,600 characters into a merged SEP), and the index must not spend a check's time on files no one opened.
 */
export const INDEXED_HEAD = 8 * 1024;

/** The start of a SEP up to its first `## ` line, at most {@link INDEXED_HEAD} characters. */
export function sepHead(text: string): string {
  const limit = Math.min(text.length, INDEXED_HEAD);
  for (let at = text.indexOf('\n') + 1; at > 0 && at < limit; at = text.indexOf('\n', at) + 1) {
    if (text.startsWith('## ', at)) return text.slice(0, at);
  }
  return text.slice(0, limit);
}

/**
 * Reads one SEP file's number, title and status from its head ({@link sepHead}). Undefined when the file
 * name has no number.
 */
export function indexSep(fileName: string, text: string, location: string): WorkspaceSep | undefined {
  const n = /^(\d+)-/.exec(fileName)?.[1];
  if (!n || Number(n) === 0) return undefined;
  const doc = parseSep(sepHead(text), { fileName });
  const number = doc.title?.number && /^\d+$/.test(doc.title.number) && doc.title.number !== '0000' ? doc.title.number : n;
  const status = doc.header.fields.find((f) => f.key === 'status')?.value;
  return { number: String(Number(number)), title: doc.title?.name || fileName, status: status || undefined, fileName, location };
}

/**
 * Maintainers from a MAINTAINERS.md: every link to a GitHub profile, with the
 * nearest heading above it as the group.
 */
export function parseMaintainers(text: string): Maintainer[] {
  const root: Root = parseMarkdown(text);
  const out: Maintainer[] = [];
  const seen = new Set<string>();
  let group: string | undefined;
  for (const block of root.children) {
    if (block.type === 'heading') {
      group = plain(block).trim();
      continue;
    }
    walk(block, undefined, () => undefined, (node) => {
      if (node.type !== 'link') return;
      const link = node as Link;
      const m = /^https?:\/\/github\.com\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/?$/.exec(link.url);
      if (!m || seen.has(m[1].toLowerCase())) return;
      seen.add(m[1].toLowerCase());
      out.push({ name: plain(link).trim() || m[1], handle: m[1], group });
    });
  }
  return out;
}

/** The workspace SEP with a number (`0042` and `42` are the same). */
export function findSep(index: WorkspaceIndex, number: string): WorkspaceSep | undefined {
  const n = String(Number(number));
  return index.seps.find((s) => s.number === n);
}
