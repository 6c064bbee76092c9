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
}

/** The rule pages in the repository, linked when the server cannot link the ones shipped with the extension. */
export const ONLINE_RULE_DOCS_ROOT = 'https://github.com/sep-authoring/vscode-sep-authoring/blob/main/';

/** Folders for a server that reads no disk: no paths, only the folders' URIs (for their settings). */
export class UriOnlyFolders implements WorkspaceFolders {
  private folderUris: string[] = [];
  private supported = false;
  readonly get = (): readonly string[] => [];
  readonly uris = (): readonly string[] => this.folderUris;

  initialize(params: InitializeParams): void {
    this.supported = Boolean(params.capabilities.workspace?.workspaceFolders);
    this.folderUris = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => f.uri);
  }

  listen(connection: Connection, changed: () => void = () => undefined): void {
    if (!this.supported) return;
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const gone = new Set(e.removed.map((f) => f.uri));
      this.folderUris = [...this.folderUris.filter((u) => !gone.has(u)), ...e.added.map((f) => f.uri)];
      changed();
    });
  }
}
