import { lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isInside } from '../paths';
import { EMPTY_WORKSPACE, indexSep, parseMaintainers, type Maintainer, type WorkspaceIndex, type WorkspaceSep } from '../sep/workspace';
import type { FileChange, WorkspaceIndexSource } from './workspaceIndex';

/**
 * Files the index reads whole (SEP files are read only up to their first
 * section, see indexSep): MAINTAINERS.md is about 8 KB; a file 16 times that
 * size is not a maintainer list, and parsing it would hold up the server.
 */
const MAX_FILE = 128 * 1024;

/** What a document's folder resolves to: the `seps/` folder and MAINTAINERS.md it sees, and the root confining them. */
interface Location {
  sepsDir?: string;
  maintainersFile?: string;
  realRoot: string;
}

export type { FileChange } from './workspaceIndex';

/**
 * The disk's {@link WorkspaceIndexSource} (the desktop server): the engine's {@link WorkspaceIndex} for each document, read from disk only inside the workspace folder that
 * holds the document (or, outside every folder, the document's own folder): the SEPs of the nearest `seps/` folder
 * and the maintainers of the nearest MAINTAINERS.md, looked for from the document's folder up to that root and
 * never above it. A file or folder whose real path (after symbolic links) leaves the root is not read.
 *
 * The index is built once per folder and kept current from file events ({@link fileChanged}), so a request
 * (hover, completion, links, code actions) never touches the disk. A client that sends no file events gets the
 * index re-read at most once every `maxAgeMs`.
 */
export class WorkspaceIndexer implements WorkspaceIndexSource {
  private locations = new Map<string, Location>();
  /** Per `seps/` folder: the root confining it and its SEPs by file name. */
  private sepDirs = new Map<string, { realRoot: string; seps: Map<string, WorkspaceSep> }>();
  private maintainerLists = new Map<string, Maintainer[]>();
  private builtAt = 0;

  /**
   * @param folders the workspace folders' file-system paths, asked for on every lookup (they change)
   * @param maxAgeMs how long the index is trusted without file events (Infinity when the client sends them)
   */
  constructor(
    private readonly folders: () => readonly string[] = () => [],
    public maxAgeMs = Infinity,
    private readonly now: () => number = Date.now,
  ) {}

  /** The index for a document URI; empty for non-file URIs or when nothing is found. */
  forDocument(uri: string): WorkspaceIndex {
    const path = filePath(uri);
    if (!path) return EMPTY_WORKSPACE;
    if (this.now() - this.builtAt > this.maxAgeMs) this.forgetAll();
    if (this.builtAt === 0) this.builtAt = this.now();
    const dir = dirname(path);
    let location = this.locations.get(dir);
    if (!location) {
      location = this.locate(dir);
      this.locations.set(dir, location);
    }
    const { sepsDir, maintainersFile } = location;
    return {
      seps: sepsDir ? [...this.sepsIn(sepsDir, location.realRoot).values()] : [],
      maintainers: maintainersFile ? this.maintainersIn(maintainersFile) : [],
    };
  }

  /** Applies a file event: re-reads the one SEP or MAINTAINERS.md that changed; a new or removed folder re-resolves. */
  fileChanged(uri: string, change: FileChange): void {
    const path = filePath(uri);
    if (!path) return;
    const name = basename(path);
    if (change !== 'changed' && (name === 'seps' || name === 'MAINTAINERS.md' || !name.includes('.'))) this.locations.clear();
    if (name === 'seps' && change === 'deleted') this.sepDirs.delete(path);
    if (name === 'MAINTAINERS.md') this.maintainerLists.delete(path);
    const folder = this.sepDirs.get(dirname(path));
    if (folder && SEP_FILE.test(name)) {
      folder.seps.delete(name);
      if (change !== 'deleted') this.readSep(folder.seps, path, folder.realRoot);
    }
  }

  /** Drops everything read so far (settings or folders changed). */
  forgetAll(): void {
    this.locations.clear();
    this.sepDirs.clear();
    this.maintainerLists.clear();
    this.builtAt = 0;
  }

  private locate(dir: string): Location {
    const root = this.rootOf(dir);
    const realRoot = realPath(root) ?? root;
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
    return { sepsDir, maintainersFile, realRoot };
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

  private sepsIn(dir: string, realRoot: string): Map<string, WorkspaceSep> {
    const known = this.sepDirs.get(dir);
    if (known) return known.seps;
    const seps = new Map<string, WorkspaceSep>();
    this.sepDirs.set(dir, { realRoot, seps });
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => SEP_FILE.test(n)).sort();
    } catch {
      // an unreadable folder lists nothing
    }
    for (const name of names) this.readSep(seps, join(dir, name), realRoot);
    return seps;
  }

  private readSep(seps: Map<string, WorkspaceSep>, file: string, realRoot: string): void {
    if (isSymbolicLink(file) && !isInside(realRoot, realPath(file) ?? '\0')) return;
    const name = basename(file);
    const text = readSmallFile(file);
    const sep = text === undefined ? undefined : indexSep(name, text, pathToFileURL(file).href);
    if (sep) seps.set(name, sep);
  }

  private maintainersIn(file: string): Maintainer[] {
    let list = this.maintainerLists.get(file);
    if (!list) {
      const text = readSmallFile(file);
      list = text === undefined ? [] : parseMaintainers(text);
      this.maintainerLists.set(file, list);
    }
    return list;
  }
}

const SEP_FILE = /^\d+-.*\.md$/i;

function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function readSmallFile(file: string): string | undefined {
  try {
    const st = statSync(file);
    return st.isFile() && st.size <= MAX_FILE ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
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
