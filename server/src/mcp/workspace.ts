/**
 * Where the tools may read and write: inside the client's MCP roots (`roots/list`, `file://` URIs only), or the
 * working directory when the client offers none. Containment is decided on real paths, so a symbolic link that
 * leads out of the roots is refused, and nothing is ever written through a symbolic link.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeNoFollow } from '../cli/files';
import { ConfigError, loadCliSettings } from '../cli/config';
import { isInside } from '../paths';
import { isSepFile } from '../sep';
import type { ServerSettings } from '../settings';
import { ToolFailure } from './results';

/** The largest file the tools read: ten times the largest draft seen in the wild. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
const ROOTS_TIMEOUT_MS = 5000;

/** What the server needs to know about the client's roots. */
export interface RootsSource {
  /** Whether the client declared the `roots` capability. */
  supportsRoots(): boolean;
  /** The client's `roots/list` answer. */
  listRoots(timeoutMs: number): Promise<{ uri: string }[]>;
}

/** A SEP file inside the roots, read. */
export interface SepFile {
  /** The path as given, made absolute: what a write goes to (refused when it is a symbolic link). */
  absolute: string;
  /** The real path (symbolic links resolved). */
  real: string;
  /** The path relative to its root, with forward slashes, as results show it. */
  display: string;
  text: string;
  /** The `sep.*` settings of the root's `.vscode/settings.json` (defaults when there is none). */
  settings: ServerSettings;
}

/** The roots the tools are confined to. */
export class Workspace {
  constructor(
    private readonly source: RootsSource,
    private readonly cwd: string = process.cwd(),
  ) {}

  /**
   * The real paths of the roots, in the client's order: its `file://` roots that exist, or the working
   * directory when it offers none. Asked afresh each call, so a changed root list applies at once.
   */
  async roots(): Promise<string[]> {
    let listed: { uri: string }[] = [];
    if (this.source.supportsRoots()) {
      try {
        listed = await this.source.listRoots(ROOTS_TIMEOUT_MS);
      } catch (e) {
        throw new ToolFailure(`Could not ask the client for its roots: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (listed.length === 0) return [realDir(this.cwd)];
    const folders: string[] = [];
    for (const root of listed) {
      const path = fileRoot(root.uri);
      if (path === undefined) continue;
      try {
        folders.push(realDir(path));
      } catch {
        // A root that does not exist (any more) confines nothing.
      }
    }
    if (folders.length === 0) throw new ToolFailure('None of the client\'s roots is a local folder (file:// URI that exists): no file can be read.');
    return folders;
  }

  /**
   * Resolves `path` (relative to the first root, absolute, or a `file://` URI) to a file inside the roots.
   * @throws ToolFailure when it is outside every root (directly or through a symbolic link), missing, or not a file
   */
  async resolveFile(path: string): Promise<{ absolute: string; real: string; display: string; root: string }> {
    if (!path.trim()) throw new ToolFailure('The path is empty.');
    if (path.includes('\0')) throw new ToolFailure('The path contains a NUL character.');
    const roots = await this.roots();
    const given = path.startsWith('file:') ? fileRoot(path) : path;
    if (given === undefined) throw new ToolFailure(`Not a local file URI: ${path}`);
    const absolute = isAbsolute(given) ? resolve(given) : resolve(roots[0], given);
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new ToolFailure(`No such file: ${path}`);
      throw new ToolFailure(`Cannot read ${path}: ${code ?? String(e)}`);
    }
    const root = roots.find((r) => isInside(r, real));
    if (!root) {
      const lexical = roots.some((r) => isInside(r, absolute));
      throw new ToolFailure(lexical
        ? `${path} leads outside the workspace roots through a symbolic link; refused.`
        : `${path} is outside the workspace roots (${roots.join(', ')}); refused.`);
    }
    const st = statSync(real);
    if (!st.isFile()) throw new ToolFailure(`${path} is not a file.`);
    if (st.size > MAX_FILE_BYTES) throw new ToolFailure(`${path} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; not read.`);
    return { absolute, real, root, display: relative(root, real).split(sep).join('/') || real };
  }

  /**
   * Reads a SEP inside the roots.
   * @throws ToolFailure as {@link resolveFile} does, or when the file is not a SEP or its root's settings are broken
   */
  async readSep(path: string): Promise<SepFile> {
    const { absolute, real, display, root } = await this.resolveFile(path);
    let text: string;
    try {
      text = readFileSync(real, 'utf8');
    } catch (e) {
      throw new ToolFailure(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    const settings = rootSettings(root);
    // The whole path, as the language server sees a document's: a root may itself be the seps/ folder.
    if (!isSepFile(real.split(sep).join('/'), text, settings.files.include)) {
      throw new ToolFailure(`${display} is not a SEP: a SEP is a Markdown file in a seps/ folder named like 0000-my-idea.md (README.md and TEMPLATE.md are not SEPs), or one whose first heading starts with "SEP-".`);
    }
    return { absolute, real, display, text, settings };
  }

  /**
   * Replaces a file the tools read. The path as given must not be a symbolic link (its real path was
   * checked to be inside the roots when it was read).
   * @throws ToolFailure when refused
   */
  write(file: SepFile, text: string): void {
    const refused = writeNoFollow(file.absolute, text);
    if (refused) throw new ToolFailure(`${file.display} was not written: ${refused}.`);
  }

  /** The settings that apply to text given inline: the first root's. */
  async inlineSettings(): Promise<ServerSettings> {
    return rootSettings((await this.roots())[0]);
  }
}

function rootSettings(root: string): ServerSettings {
  try {
    return loadCliSettings(undefined, root).settings;
  } catch (e) {
    if (e instanceof ConfigError) throw new ToolFailure(e.message);
    throw e;
  }
}

function realDir(path: string): string {
  const real = realpathSync(path);
  if (!statSync(real).isDirectory()) throw new Error(`${path} is not a folder`);
  return real;
}

/** The local path of a `file://` URI; undefined for any other URI. */
function fileRoot(uri: string): string | undefined {
  try {
    const url = new URL(uri);
    return url.protocol === 'file:' ? fileURLToPath(url) : undefined;
  } catch {
    return undefined;
  }
}
