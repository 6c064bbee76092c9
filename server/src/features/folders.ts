import type { Connection, InitializeParams, WorkspaceFolder } from 'vscode-languageserver';
import { fileURLToPath } from 'node:url';

/**
 * The workspace folders as file-system paths: what the server may read besides open documents.
 * Taken from `initialize` (`workspaceFolders`, else `rootUri`) and kept current from
 * `workspace/didChangeWorkspaceFolders` when the client sends it.
 */
export class WorkspaceFolderPaths {
  private paths: string[] = [];
  private folderUris: string[] = [];
  private supported = false;

  /** The current folders' paths. */
  readonly get = (): readonly string[] => this.paths;

  /** The current folders' URIs, of any scheme (settings are per folder). */
  readonly uris = (): readonly string[] => this.folderUris;

  /** Reads the folders from the `initialize` request. */
  initialize(params: InitializeParams): void {
    this.supported = Boolean(params.capabilities.workspace?.workspaceFolders);
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    this.paths = toPaths(folders);
    this.folderUris = folders.map((f) => f.uri);
  }

  /**
   * Follows folder changes (call once `initialized` arrived); a client without the capability sends none.
   * @param changed called after each change
   */
  listen(connection: Connection, changed: () => void = () => undefined): void {
    if (!this.supported) return;
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(toPaths(e.removed));
      this.paths = [...this.paths.filter((p) => !removed.has(p)), ...toPaths(e.added)];
      const gone = new Set(e.removed.map((f) => f.uri));
      this.folderUris = [...this.folderUris.filter((u) => !gone.has(u)), ...e.added.map((f) => f.uri)];
      changed();
    });
  }
}

function toPaths(folders: readonly WorkspaceFolder[]): string[] {
  const out: string[] = [];
  for (const f of folders) {
    try {
      if (f.uri.startsWith('file:')) out.push(fileURLToPath(f.uri));
    } catch {
      // a folder URI Node cannot map to a path holds nothing the server could read
    }
  }
  return out;
}
