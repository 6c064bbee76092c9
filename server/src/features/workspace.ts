import { lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isInside } from '../paths';
import { EMPTY_WORKSPACE, indexSep, parseMaintainers, type Maintainer, type WorkspaceIndex, type WorkspaceSep } from '../sep/workspace';

const MAX_FILE = 2 * 1024 * 1024;

interface Cached<T> {
  mtimeMs: number;
  size: number;
  value: T;
}

/**
 * Builds the engine's {@link WorkspaceIndex} for a document from disk, reading only inside the
 * workspace folder that holds the document (or, outside every folder, the document's own folder):
 * the SEPs of the nearest `seps/` folder and the maintainers of the nearest MAINTAINERS.md, looked
 * for from the document's folder up to that root and never above it. A file or folder whose real
 * path (after symbolic links) leaves the root is not read. Files are re-read only when their size
 * or modification time changes.
 */
export class WorkspaceIndexer {
  private seps = new Map<string, Cached<WorkspaceSep | undefined>>();
  private maintainers = new Map<string, Cached<Maintainer[]>>();

  /** @param folders the workspace folders' file-system paths, asked for on every lookup (they change). */
  constructor(private readonly folders: () => readonly string[] = () => []) {}

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
    const root = this.rootOf(dir);
    const realRoot = realPath(root);
    if (!realRoot) return EMPTY_WORKSPACE;
    const confined = (p: string): boolean => {
      const real = realPath(p);
      return real !== undefined && isInside(realRoot, real);
    };
    const sepsDir = findUp(dir, root, (d) => {
      const candidate = basename(d) === 'seps' ? d : join(d, 'seps');
      return isDir(candidate) && confined(candidate) ? candidate : undefined;
    });
    const maintainersFile = findUp(dir, root, (d) => {
      const candidate = join(d, 'MAINTAINERS.md');
      return isFile(candidate) && confined(candidate) ? candidate : undefined;
    });
    return {
      seps: sepsDir ? this.readSeps(sepsDir, confined) : [],
      maintainers: maintainersFile ? this.cached(this.maintainers, maintainersFile, (t) => parseMaintainers(t)) ?? [] : [],
    };
  }

  /** The innermost workspace folder holding `dir`; `dir` itself when none does. */
  private rootOf(dir: string): string {
    // Windows paths compare without case (a drive letter comes as c: or C: depending on the client).
    const fold = (p: string): string => (process.platform === 'win32' ? p.toLowerCase() : p);
    let best: string | undefined;
    for (const folder of this.folders()) {
      if (isInside(fold(folder), fold(dir)) && (!best || folder.length > best.length)) best = folder;
    }
    // Spelled as the document's path spells it, so the walk up from the document stops there.
    return best !== undefined ? join(dir, relative(fold(dir), fold(best))) : dir;
  }

  private readSeps(dir: string, confined: (p: string) => boolean): WorkspaceSep[] {
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => /^\d+-.*\.md$/i.test(n));
    } catch {
      return [];
    }
    const out: WorkspaceSep[] = [];
    for (const name of names) {
      const full = join(dir, name);
      if (isSymbolicLink(full) && !confined(full)) continue;
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

/** Tests `start` and its parents up to and including `root`; never looks above `root`. */
function findUp(start: string, root: string, test: (dir: string) => string | undefined): string | undefined {
  let dir = start;
  while (isInside(root, dir)) {
    const found = test(dir);
    if (found) return found;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

function isSymbolicLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function realPath(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
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
