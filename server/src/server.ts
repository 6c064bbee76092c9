import {
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisStore } from './analysis';
import { statusOf, toDiagnostic } from './diagnostics';
import { STATUS_NOTIFICATION, VALIDATE_WORKSPACE_REQUEST } from '../../common/protocol';
import { FEATURE_CAPABILITIES, WorkspaceCheck, WorkspaceFolderPaths, registerFeatures } from './features';
import { DEFAULT_SETTINGS, normalizeSettings, type ServerSettings } from './settings';

/**
 * Wires the SEP engine to an LSP connection: document sync, settings,
 * diagnostics on open and change, and the editing features. Starts listening.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let pullConfiguration = false;
  const store = new AnalysisStore(() => settings);
  const pending = new Set<string>();
  const folders = new WorkspaceFolderPaths();
  let clientCapabilities: ClientCapabilities = {};

  const validate = (uri: string): void => {
    pending.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    try {
      const analysis = settings.validate.enable ? store.analyze(document) : undefined;
      const diagnostics = analysis ? analysis.findings.map(toDiagnostic) : [];
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
      void connection.sendNotification(STATUS_NOTIFICATION, statusOf(analysis, uri, document.version));
    } catch (err) {
      connection.console.error(`SEP check failed for ${uri}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  };

  /** Coalesces bursts of changes: validates once, on the latest version. */
  const schedule = (uri: string): void => {
    if (pending.has(uri)) return;
    pending.add(uri);
    setImmediate(() => validate(uri));
  };

  const reloadSettings = async (): Promise<void> => {
    if (pullConfiguration) {
      try {
        settings = normalizeSettings(await connection.workspace.getConfiguration('sep'));
      } catch (err) {
        connection.console.warn(`Could not read the sep settings, using defaults: ${String(err)}`);
      }
    }
    store.invalidate();
    for (const d of documents.all()) schedule(d.uri);
    workspaceCheck.settingsChanged();
  };

  connection.onInitialize((params): InitializeResult => {
    clientCapabilities = params.capabilities;
    pullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    folders.initialize(params);
    settings = normalizeSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    return {
      capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, ...FEATURE_CAPABILITIES },
      serverInfo: { name: 'sep-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    folders.listen(connection, () => files.reset());
    files.watch(clientCapabilities);
    if (pullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sep' }).catch(() => undefined);
      void reloadSettings();
    }
  });

  connection.onDidChangeConfiguration((change) => {
    if (!pullConfiguration) settings = normalizeSettings((change.settings as { sep?: unknown } | undefined)?.sep);
    void reloadSettings();
  });

  // Fired on open as well as on every change.
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidOpen((e) => workspaceCheck.opened(e.document.uri));
  documents.onDidClose((e) => {
    store.close(e.document.uri);
    workspaceCheck.closed(e.document.uri);
  });

  const files = registerFeatures({ connection, documents, store, settings: () => settings, workspaceFolders: folders.get });
  const workspaceCheck = new WorkspaceCheck({ connection, documents, store, settings: () => settings, folders: folders.get, today: () => new Date().toISOString().slice(0, 10) });
  files.onChange((uri, change) => workspaceCheck.fileChanged(uri, change));
  connection.onRequest(VALIDATE_WORKSPACE_REQUEST, (_params: unknown, token) => {
    files.watchAllMarkdown();
    return workspaceCheck.run(token);
  });
  documents.listen(connection);
  connection.listen();
}
