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

  /**
   * Settings pushed by a client that cannot be asked (`initializationOptions`, `didChangeConfiguration`).
   * @returns whether they differ from the settings before
   */
  setPushed(raw: unknown): boolean {
    const before = this.snapshot();
    this.global = normalizeSettings(raw);
    this.folders = [];
    return this.snapshot() !== before;
  }

  /**
   * Asks the client for the window's settings and each folder's.
   * @returns whether they differ from the settings before
   */
  async pull(connection: Connection, folderUris: readonly string[]): Promise<boolean> {
    const folders = folderUris.map((u) => trimChars(u, '/'));
    const answers: unknown[] = await connection.workspace.getConfiguration([
      { section: 'sep' },
      ...folders.map((scopeUri) => ({ scopeUri, section: 'sep' })),
    ]);
    // Taken after the answer: of two pulls in flight, the second then sees the first's result.
    const before = this.snapshot();
    this.global = normalizeSettings(answers[0]);
    this.folders = folders
      .map((f, i): [string, ServerSettings] => [f, normalizeSettings(answers[i + 1])])
      .sort((a, b) => b[0].length - a[0].length);
    return this.snapshot() !== before;
  }

  /**
   * The settings documents get, as one string (normalised settings are plain data): the window's, and each folder's
   * that differ from them. A folder whose settings are the window's gives its documents what they had without it, so
   * the first pull, which learns the folders, changes nothing when no folder sets anything of its own.
   */
  private snapshot(): string {
    const global = JSON.stringify(this.global);
    return JSON.stringify([this.global, this.folders.filter(([, s]) => JSON.stringify(s) !== global)]);
  }
}
