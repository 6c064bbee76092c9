import type { Connection, InitializeParams } from 'vscode-languageserver';
import type { WorkspaceCheck, WorkspaceCheckContext } from './features/workspaceCheck';
import type { WorkspaceIndexSource } from './features/workspaceIndex';
import type { TraceFileSource } from './features/requirements';
import type { RemoteParser } from './parse/budget';

/** The workspace folders as the server may read them (file-system paths on the desktop; none in the browser). */
export interface WorkspaceFolders {
  readonly get: () => readonly string[];
  /** The folders' URIs, of any scheme (settings are read per folder). */
  readonly uris: () => readonly string[];
  initialize(params: InitializeParams): void;
  listen(connection: Connection, changed?: () => void): void;
}

/**
 * What differs between the desktop server (Node, main.ts) and the browser's (a Web Worker, browserMain.ts): each
 * entry file builds its own, so the shared server (server.ts) and the engine import nothing of Node.
 */
export interface ServerHost {
  /** Runs `fn` on a later turn of the event loop, after the messages already received. */
  defer(fn: () => void): void;
  /**
   * The URL under which `docs/rules/<id>.md` ships, ending in `/`. Undefined in the browser: the client's
   * `initializationOptions.ruleDocsRoot` gives it, else the pages on GitHub are linked.
   */
  ruleDocsRoot?: string;
  folders: WorkspaceFolders;
  /** The index read from disk, for documents in folders the client does not feed. */
  diskIndex?(folders: () => readonly string[]): WorkspaceIndexSource;
  /** Validate All SEPs in Workspace, which reads the workspace folders from disk. */
  workspaceCheck?(ctx: WorkspaceCheckContext): WorkspaceCheck;
  /** Whether a file exists (Set PR Number never renames over one); false when it cannot be known. */
  fileExists(uri: string): boolean;
  /** Parses long Markdown slices where a check past its time budget can stop them (a worker thread). */
  remoteParser?: RemoteParser;
  /** A workspace file's text (inside a workspace folder, real path included); undefined when it cannot be read. */
  readWorkspaceFile?(uri: string, folders: readonly string[]): string | undefined;
  /** The workspace's traceability files, found on disk. */
  traceFiles?(folders: () => readonly string[], openText: (uri: string) => string | undefined): TraceFileSource;
  /** Whether to check a document of our own while no document is open yet, so the first real check runs compiled (see warmUp.ts). */
  warmUp?: boolean;
}

/** The rule pages in the repository, linked when the server cannot link the ones shipped with the extension. */
export const ONLINE_RULE_DOCS_ROOT = 'https://github.com/sep-authoring/vscode-sep-authoring/blob/main/';

/**
 * The workspace folders, taken from `initialize` (`workspaceFolders`, else `rootUri`) and kept current from
 * `workspace/didChangeWorkspaceFolders` when the client sends it: their URIs (of any scheme: settings are read
 * per folder) and, for the folders `toPath` maps, the file-system paths the server may read (none by default,
 * for a server that reads no disk).
 */
export class WorkspaceFolderList implements WorkspaceFolders {
  private folderUris: string[] = [];
  private paths: string[] = [];
  private supported = false;

  constructor(private readonly toPath: (uri: string) => string | undefined = () => undefined) {}

  /** The current folders' paths. */
  readonly get = (): readonly string[] => this.paths;

  /** The current folders' URIs. */
  readonly uris = (): readonly string[] => this.folderUris;

  /** Reads the folders from the `initialize` request. */
  initialize(params: InitializeParams): void {
    this.supported = Boolean(params.capabilities.workspace?.workspaceFolders);
    this.set((params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => f.uri));
  }

  /**
   * Follows folder changes (call once `initialized` arrived); a client without the capability sends none.
   * @param changed called after each change
   */
  listen(connection: Connection, changed: () => void = () => undefined): void {
    if (!this.supported) return;
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const gone = new Set(e.removed.map((f) => f.uri));
      this.set([...this.folderUris.filter((u) => !gone.has(u)), ...e.added.map((f) => f.uri)]);
      changed();
    });
  }

  private set(uris: string[]): void {
    this.folderUris = uris;
    this.paths = uris.flatMap((u) => {
      const path = this.toPath(u);
      return path === undefined ? [] : [path];
    });
  }
}
