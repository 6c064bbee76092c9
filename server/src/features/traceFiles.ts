import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isInside } from '../paths';
import { MAX_TRACE_FILE, parseTraceability, traceFileNumber, type TraceabilityFile } from '../sep';
import type { FileChange } from './workspace';

/** Entries one folder walk looks at, at most: a huge workspace is searched only so far. */
const MAX_WALK_ENTRIES = 50_000;
/** Folder depth one walk goes down to. */
const MAX_WALK_DEPTH = 8;

/** A traceability file known to the server, with its parse. */
export interface KnownTraceFile {
  uri: string;
  fileName: string;
  file: TraceabilityFile;
}

/**
 * Where the SEP-2484 traceability files (`sep-<number>.yaml`) of the workspace are, found by one bounded walk per
 * workspace folder (dot folders and node_modules skipped, symbolic links not followed) the first time a SEP in it
 * asks (outside every folder, the SEP's own folder only), then kept current from file events ({@link fileChanged}) and the open documents. Each file is read once and
 * parsed once per text; an open document's text wins over the disk. Requests after the first walk never touch the disk.
 */
export class TraceFileIndex {
  /** Per walked root: SEP number → paths of its files, sorted. */
  private roots = new Map<string, Map<number, string[]>>();
  /** Per path: the text last read from disk (undefined: unreadable or too large) and its parse. */
  private parsed = new Map<string, { text: string | undefined; file?: TraceabilityFile }>();
  private builtAt = 0;

  /**
   * @param folders the workspace folders' paths (they change)
   * @param openText the text of an open document by URI, if it is open
   * @param maxAgeMs how long what was found is trusted without file events (Infinity when the client sends them)
   */
  constructor(
    private readonly folders: () => readonly string[],
    private readonly openText: (uri: string) => string | undefined,
    public maxAgeMs = Infinity,
    private readonly now: () => number = Date.now,
  ) {}

  /** The traceability file for SEP `n` in the workspace of the document at `uri` (the first by path), if there is one. */
  forSep(uri: string, n: number): KnownTraceFile | undefined {
    const path = filePath(uri);
    if (!path) return undefined;
    if (this.now() - this.builtAt > this.maxAgeMs) this.forgetAll();
    if (this.builtAt === 0) this.builtAt = this.now();
    const { root, depth } = this.rootOf(path);
    let numbers = this.roots.get(root);
    if (!numbers) {
      numbers = walk(root, depth);
      this.roots.set(root, numbers);
    }
    const file = numbers.get(n)?.[0];
    return file === undefined ? undefined : this.read(file);
  }

  /** Applies a file event for a `sep-<number>.yaml` file: it is added, re-read when next asked for, or dropped. */
  fileChanged(uri: string, change: FileChange): void {
    const path = filePath(uri);
    const n = path === undefined ? undefined : traceFileNumber(basename(path));
    if (path === undefined || n === undefined) return;
    this.parsed.delete(path);
    for (const [root, numbers] of this.roots) {
      if (!isInside(root, path)) continue;
      const list = (numbers.get(n) ?? []).filter((p) => p !== path);
      if (change !== 'deleted') list.push(path);
      list.sort();
      if (list.length) numbers.set(n, list);
      else numbers.delete(n);
    }
  }

  /** Drops everything found so far (folders or settings changed). */
  forgetAll(): void {
    this.roots.clear();
    this.parsed.clear();
    this.builtAt = 0;
  }

  private read(path: string): KnownTraceFile | undefined {
    const uri = pathToFileURL(path).href;
    const open = this.openText(uri);
    let entry = this.parsed.get(path);
    if (open !== undefined && entry?.text !== open) entry = undefined;
    if (!entry) {
      const text = open ?? readSmall(path);
      entry = { text, file: text === undefined ? undefined : parseTraceability(text, basename(path)).file };
      this.parsed.set(path, entry);
    }
    return entry.file ? { uri, fileName: basename(path), file: entry.file } : undefined;
  }

  /**
   * Where to look: the innermost workspace folder holding `path`, walked down to {@link MAX_WALK_DEPTH}; outside every
   * folder, only the file's own folder (it may be a home or downloads folder, not a project).
   */
  private rootOf(path: string): { root: string; depth: number } {
    let best: string | undefined;
    for (const folder of this.folders()) if (isInside(folder, path) && (!best || folder.length > best.length)) best = folder;
    return best !== undefined ? { root: best, depth: MAX_WALK_DEPTH } : { root: dirname(path), depth: 0 };
  }
}

/** The `sep-<number>.yaml` files below `root`: iterative, bounded in entries and depth, no symbolic links followed. */
function walk(root: string, maxDepth: number): Map<number, string[]> {
  const found = new Map<number, string[]>();
  const stack: [string, number][] = [[root, 0]];
  let seen = 0;
  while (stack.length && seen < MAX_WALK_ENTRIES) {
    const [dir, depth] = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (++seen > MAX_WALK_ENTRIES) break;
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = join(dir, e.name);
      if (e.isDirectory() && depth < maxDepth) stack.push([full, depth + 1]);
      const n = e.isFile() ? traceFileNumber(e.name) : undefined;
      if (n !== undefined) found.set(n, [...(found.get(n) ?? []), full].sort());
    }
  }
  return found;
}

function readSmall(path: string): string | undefined {
  try {
    const st = statSync(path);
    // Past the limit the engine gives one finding and no rows: read a little more than that, never megabytes.
    return st.isFile() && st.size <= MAX_TRACE_FILE * 4 ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
