/**
 * The CLI's file-system side: which files a run checks and how `--fix` writes them. A folder is walked
 * without leaving it (a symbolic link is followed only when its target is inside the folder being
 * checked), every symlink loop or unreadable entry is reported for its own path, and nothing is written
 * through a symbolic link.
 */
import { closeSync, constants, lstatSync, openSync, readFileSync, readdirSync, realpathSync, statSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isInside } from '../paths';
import { DEFAULT_INCLUDE, isSepFile, traceFileNumber } from '../sep';

/** A path the run could not check, and why (printed on stderr). */
export interface SkippedPath {
  path: string;
  reason: string;
  /** True when the path was named on the command line: a missing argument fails the run (exit 2). */
  fatal: boolean;
}

/** The files to check and the paths that were passed over. */
export interface Collected {
  files: string[];
  skipped: SkippedPath[];
}

const MARKDOWN = /\.(md|markdown)$/i;

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String(e);
}

/**
 * Files to check: a named file as given, a named folder searched for SEPs and for conformance
 * traceability files named `sep-<number>.yaml` (dot folders and node_modules skipped). Never throws for a bad path: it is listed in `skipped` and the rest go on.
 */
export function collectFiles(paths: string[], include: readonly string[] = DEFAULT_INCLUDE): Collected {
  const out: Collected = { files: [], skipped: [] };
  const seen = new Set<string>();
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      const code = errorCode(e);
      const reason = code === 'ENOENT' ? 'no such file or folder' : code === 'ELOOP' ? 'symbolic link loop' : code;
      out.skipped.push({ path: p, reason, fatal: true });
      continue;
    }
    const real = realpathSync(p);
    if (!st.isDirectory()) {
      if (!seen.has(real)) out.files.push(p);
      seen.add(real);
      continue;
    }
    walk(p, real, real, out, seen, include);
  }
  return out;
}

function walk(dir: string, realDir: string, root: string, out: Collected, seen: Set<string>, include: readonly string[]): void {
  if (seen.has(realDir)) return;
  seen.add(realDir);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    out.skipped.push({ path: dir, reason: `cannot list: ${errorCode(e)}`, fatal: false });
    return;
  }
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const full = join(dir, name);
    const entry = resolveEntry(full, root, realDir, out);
    if (!entry) continue;
    if (entry.directory) walk(full, entry.real, root, out, seen, include);
    else if (traceFileNumber(name) !== undefined && !seen.has(entry.real)) {
      seen.add(entry.real);
      out.files.push(full);
    } else if (MARKDOWN.test(name) && !seen.has(entry.real)) {
      seen.add(entry.real);
      if (isSep(full, entry.real, include, out)) out.files.push(full);
    }
  }
}

/** Where an entry really is, or undefined (with the reason recorded) when it must not be followed. */
function resolveEntry(full: string, root: string, realDir: string, out: Collected): { real: string; directory: boolean } | undefined {
  try {
    const link = lstatSync(full);
    if (!link.isSymbolicLink()) return link.isDirectory() || link.isFile() ? { real: join(realDir, basename(full)), directory: link.isDirectory() } : undefined;
    const real = realpathSync(full);
    if (!isInside(root, real)) {
      out.skipped.push({ path: full, reason: 'symbolic link to a place outside the folder being checked, not followed', fatal: false });
      return undefined;
    }
    const st = statSync(real);
    if (st.isDirectory() && isInside(real, realDir)) {
      out.skipped.push({ path: full, reason: 'symbolic link loop (it points to a folder that contains it), not followed', fatal: false });
      return undefined;
    }
    return st.isDirectory() || st.isFile() ? { real, directory: st.isDirectory() } : undefined;
  } catch (e) {
    const code = errorCode(e);
    const reason = code === 'ELOOP' ? 'symbolic link loop, not followed' : code === 'ENOENT' ? 'broken symbolic link' : code;
    out.skipped.push({ path: full, reason, fatal: false });
    return undefined;
  }
}

function isSep(full: string, real: string, include: readonly string[], out: Collected): boolean {
  try {
    return isSepFile(real.split('\\').join('/'), readFileSync(full, 'utf8'), include);
  } catch (e) {
    out.skipped.push({ path: full, reason: `cannot read: ${errorCode(e)}`, fatal: false });
    return false;
  }
}

/**
 * Writes `text` to `file` unless the file is a symbolic link (then returns the reason it was not written).
 * The open itself refuses a link (`O_NOFOLLOW`), so a link swapped in after the check is not followed either.
 */
export function writeNoFollow(file: string, text: string): string | undefined {
  try {
    if (lstatSync(file).isSymbolicLink()) return 'it is a symbolic link; not written';
  } catch (e) {
    return `cannot write: ${errorCode(e)}`;
  }
  let fd: number | undefined;
  try {
    const noFollow = constants.O_NOFOLLOW ?? 0;
    fd = openSync(file, constants.O_WRONLY | constants.O_TRUNC | noFollow);
    writeSync(fd, text, 0, 'utf8');
    return undefined;
  } catch (e) {
    return errorCode(e) === 'ELOOP' ? 'it is a symbolic link; not written' : `cannot write: ${errorCode(e)}`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
