import type { Connection, InitializeParams } from 'vscode-languageserver';
import type { WorkspaceCheck, WorkspaceCheckContext } from './features/workspaceCheck';
import type { WorkspaceIndexSource } from './features/workspaceIndex';

/** The workspace folders as the server may read them (file-system paths on the desktop; none in the browser). */
export interface WorkspaceFolders {
  readonly get: () => readonly string[];
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
}

/** The rule pages in the repository, linked when the server cannot link the ones shipped with the extension. */
export const ONLINE_RULE_DOCS_ROOT = 'https://github.com/sep-authoring/vscode-sep-authoring/blob/main/';

/** Folders for a server that reads no disk: always none. */
export const NO_FOLDERS: WorkspaceFolders = { get: () => [], initialize: () => undefined, listen: () => undefined };
