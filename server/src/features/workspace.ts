import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EMPTY_WORKSPACE, indexSep, parseMaintainers, type Maintainer, type WorkspaceIndex, type WorkspaceSep } from '../sep/workspace';

const MAX_FILE = 2 * 1024 * 1024;
const MAX_UP = 8;

interface Cached<T> {
  mtimeMs: number;
  size: number;
  value: T;
}

/**
 * Builds the engine's {@link WorkspaceIndex} for a document from disk: the
 * SEPs in the nearest `seps/` folder (the document's own folder or one
 * found walking up) and the maintainers in the nearest MAINTAINERS.md.
 * Files are re-read only when their size or modification time changes.
 */
export class WorkspaceIndexer {
  private seps = new Map<string, Cached<WorkspaceSep | undefined>>();
  private maintainers = new Map<string, Cached<Maintainer[]>>();

  /** The index for a document URI; empty for non-file URIs or when nothing is found. */
  forDocument(uri: string): WorkspaceIndex {
    let path: string;
    try {
      if (!uri.startsWith('file:')) return EMPTY_WORKSPACE;
      path = fileURLToPath(uri);
    } catch {
      return EMPTY_WORKSPACE;
    }
    const dir = dirname(path);
    const sepsDir = findUp(dir, (d) => (basename(d) === 'seps' ? d : isDir(join(d, 'seps')) ? join(d, 'seps') : undefined));
    const maintainersFile = findUp(dir, (d) => (isFile(join(d, 'MAINTAINERS.md')) ? join(d, 'MAINTAINERS.md') : undefined));
    return {
      seps: sepsDir ? this.readSeps(sepsDir) : [],
      maintainers: maintainersFile ? this.cached(this.maintainers, maintainersFile, (t) => parseMaintainers(t)) ?? [] : [],
    };
  }

  private readSeps(dir: string): WorkspaceSep[] {
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => /^\d+-.*\.md$/i.test(n));
    } catch {
      return [];
    }
    const out: WorkspaceSep[] = [];
    for (const name of names) {
      const full = join(dir, name);
      const sep = this.cached(this.seps, full, (t) => indexSep(name, t, pathToFileURL(full).href));
      if (sep) out.push(sep);
    }
    return out;
  }

  private cached<T>(cache: Map<string, Cached<T>>, file: string, read: (text: string) => T): T | undefined {
    try {
      const st = statSync(file);
      const hit = cache.get(file);
      if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.value;
      if (!st.isFile() || st.size > MAX_FILE) return undefined;
      const value = read(readFileSync(file, 'utf8'));
      cache.set(file, { mtimeMs: st.mtimeMs, size: st.size, value });
      return value;
    } catch {
      return undefined;
    }
  }
}

function findUp(start: string, test: (dir: string) => string | undefined): string | undefined {
  let dir = start;
  for (let i = 0; i < MAX_UP; i++) {
    const found = test(dir);
    if (found) return found;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
