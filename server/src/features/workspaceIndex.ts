import type { WorkspaceIndexParams } from '../../../common/protocol';
import { EMPTY_WORKSPACE, indexSep, parseMaintainers, type Maintainer, type WorkspaceIndex, type WorkspaceSep } from '../sep/workspace';

/** A change the client reports for a watched file (`workspace/didChangeWatchedFiles`). */
export type FileChange = 'created' | 'changed' | 'deleted';

/**
 * Where the editing features get a document's {@link WorkspaceIndex} from: the disk (the desktop server, `file:`
 * folders) or what the client read and sent (`sep/workspaceIndex`, any other file system).
 */
export interface WorkspaceIndexSource {
  /** The index for a document URI; empty when nothing is known. */
  forDocument(uri: string): WorkspaceIndex;
  /** A watched file changed (`workspace/didChangeWatchedFiles`). */
  fileChanged(uri: string, change: FileChange): void;
  /** Drops what was read (the workspace folders changed). */
  forgetAll(): void;
  /** How long the index is trusted without file events. */
  maxAgeMs: number;
}

/** A SEP file or MAINTAINERS.md the client sent: its text until it is first needed, then what it holds. */
interface Entry {
  text: string;
  sep?: WorkspaceSep | null;
  maintainers?: Maintainer[];
}

const SEP_FILE = /^\d+-.*\.md$/i;

/**
 * The index the client feeds (`sep/workspaceIndex`) for folders the server cannot read, such as `vscode-vfs://`
 * on github.dev: the SEP files of each `seps/` folder and each MAINTAINERS.md, with their text. A document sees
 * the nearest `seps/` folder and MAINTAINERS.md from its own folder up to its workspace folder, as on disk. Files
 * are parsed when a request first needs them.
 */
export class ClientWorkspaceIndex {
  /** Workspace folder URI → the URIs of the files sent for it. */
  private readonly folders = new Map<string, Set<string>>();
  /** `seps/` folder URI → SEP file URI → entry. */
  private readonly sepDirs = new Map<string, Map<string, Entry>>();
  /** MAINTAINERS.md URI → entry. */
  private readonly maintainerFiles = new Map<string, Entry>();

  /** Applies what the client sent: every file of a folder (`full`), or the files that changed and were deleted. */
  update(params: WorkspaceIndexParams): void {
    if (typeof params?.folder !== 'string') return;
    const folder = trimSlash(params.folder);
    let known = this.folders.get(folder);
    if (!known || params.full) {
      for (const uri of known ?? []) this.remove(uri);
      known = new Set();
      this.folders.set(folder, known);
    }
    for (const uri of Array.isArray(params.deleted) ? params.deleted : []) {
      if (typeof uri !== 'string') continue;
      this.remove(uri);
      known.delete(uri);
    }
    for (const { uri, text } of Array.isArray(params.files) ? params.files : []) {
      if (typeof uri !== 'string' || typeof text !== 'string' || !uri.startsWith(`${folder}/`)) continue;
      this.remove(uri);
      if (this.add(uri, text)) known.add(uri);
    }
  }

  /** Whether a document lies in a folder the client feeds. */
  covers(uri: string): boolean {
    return this.folderOf(uri) !== undefined;
  }

  /** Whether the client reported this file (a SEP or MAINTAINERS.md). */
  has(uri: string): boolean {
    return this.maintainerFiles.has(uri) || this.sepDirs.get(parentOf(uri))?.has(uri) === true;
  }

  /** The index for a document in a fed folder; empty outside them. */
  forDocument(uri: string): WorkspaceIndex {
    const folder = this.folderOf(uri);
    if (folder === undefined) return EMPTY_WORKSPACE;
    let sepsDir: Map<string, Entry> | undefined;
    let maintainers: Entry | undefined;
    for (let dir = parentOf(uri); dir.length >= folder.length && (!sepsDir || !maintainers); dir = parentOf(dir)) {
      sepsDir ??= (dir.endsWith('/seps') ? this.sepDirs.get(dir) : undefined) ?? this.sepDirs.get(`${dir}/seps`);
      maintainers ??= this.maintainerFiles.get(`${dir}/MAINTAINERS.md`);
      if (dir === folder || !dir.includes('/')) break;
    }
    return { seps: sepsDir ? this.sepsOf(sepsDir) : [], maintainers: maintainers ? (maintainers.maintainers ??= parseMaintainers(maintainers.text)) : [] };
  }

  private sepsOf(dir: Map<string, Entry>): WorkspaceSep[] {
    const out: WorkspaceSep[] = [];
    const byName = [...dir.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [uri, entry] of byName) {
      if (entry.sep === undefined) entry.sep = indexSep(decodeURIComponent(baseName(uri)), entry.text, uri) ?? null;
      if (entry.sep) out.push(entry.sep);
    }
    return out;
  }

  private add(uri: string, text: string): boolean {
    const name = baseName(uri);
    if (name === 'MAINTAINERS.md') {
      this.maintainerFiles.set(uri, { text });
      return true;
    }
    const dir = parentOf(uri);
    if (!dir.endsWith('/seps') || !SEP_FILE.test(decodeURIComponent(name))) return false;
    let entries = this.sepDirs.get(dir);
    if (!entries) this.sepDirs.set(dir, (entries = new Map()));
    entries.set(uri, { text });
    return true;
  }

  private remove(uri: string): void {
    this.maintainerFiles.delete(uri);
    const dir = this.sepDirs.get(parentOf(uri));
    if (dir?.delete(uri) && dir.size === 0) this.sepDirs.delete(parentOf(uri));
  }

  private folderOf(uri: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders.keys()) {
      if (uri.startsWith(`${folder}/`) && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  }
}

/**
 * The features' index: what the client sent for documents in the folders it feeds, else the disk's (the desktop
 * server), else nothing (the browser).
 */
export function preferClientIndex(fed: ClientWorkspaceIndex, disk?: WorkspaceIndexSource): WorkspaceIndexSource {
  return {
    forDocument: (uri) => (fed.covers(uri) || !disk ? fed.forDocument(uri) : disk.forDocument(uri)),
    fileChanged: (uri, change) => disk?.fileChanged(uri, change),
    forgetAll: () => disk?.forgetAll(),
    get maxAgeMs() {
      return disk?.maxAgeMs ?? Infinity;
    },
    set maxAgeMs(ms: number) {
      if (disk) disk.maxAgeMs = ms;
    },
  };
}

function trimSlash(uri: string): string {
  return uri.endsWith('/') ? uri.slice(0, -1) : uri;
}

function parentOf(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return slash > 0 ? uri.slice(0, slash) : uri;
}

function baseName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}
