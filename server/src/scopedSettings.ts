import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, normalizeSettings, type ServerSettings } from './settings';
import { trimChars } from '../../common/strings';

/**
 * The `sep` settings per workspace folder, as VS Code resolves them for a
 * resource there (user, workspace and folder values merged), plus the
 * window-level ones for documents outside every folder (untitled, GitHub).
 * Read with one `workspace/configuration` request for all folders.
 */
export class ScopedSettings {
  private global: ServerSettings = DEFAULT_SETTINGS;
  /** Folder URI (without a trailing slash) → its settings; longest first. */
  private folders: [string, ServerSettings][] = [];

  /** The settings that apply to a document. */
  readonly for = (uri?: string): ServerSettings => {
    if (uri) for (const [folder, settings] of this.folders) if (uri.startsWith(`${folder}/`)) return settings;
    return this.global;
  };

  /** Settings pushed by a client that cannot be asked (`initializationOptions`, `didChangeConfiguration`). */
  setPushed(raw: unknown): void {
    this.global = normalizeSettings(raw);
    this.folders = [];
  }

  /** Asks the client for the window's settings and each folder's. */
  async pull(connection: Connection, folderUris: readonly string[]): Promise<void> {
    const folders = folderUris.map((u) => trimChars(u, '/'));
    const answers: unknown[] = await connection.workspace.getConfiguration([
      { section: 'sep' },
      ...folders.map((scopeUri) => ({ scopeUri, section: 'sep' })),
    ]);
    this.global = normalizeSettings(answers[0]);
    this.folders = folders
      .map((f, i): [string, ServerSettings] => [f, normalizeSettings(answers[i + 1])])
      .sort((a, b) => b[0].length - a[0].length);
  }
}
