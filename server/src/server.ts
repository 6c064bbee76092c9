import {
  DidChangeConfigurationNotification,
  NotificationType,
  RequestType0,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisStore, type AnalysisStats } from './analysis';
import { diagnosticsOf, statusOf } from './diagnostics';
import { CONFORMANCE_STATUS_NOTIFICATION, PREVIEW_DIAGNOSTICS_NOTIFICATION, PREVIEW_NOTIFICATION, TRACE_SEP_NOTIFICATION, type InitializationOptions, type PreviewDiagnosticsParams, type TraceSepParams, STATUS_NOTIFICATION, VALIDATE_WORKSPACE_REQUEST, WORKSPACE_INDEX_NOTIFICATION, readPreview, type WorkspaceIndexParams } from '../../common/protocol';
import { FEATURE_CAPABILITIES, readConformanceStatus, registerFeatures } from './features';
import { ClientWorkspaceIndex, preferClientIndex } from './features/workspaceIndex';
import { ONLINE_RULE_DOCS_ROOT, type ServerHost } from './host';
import { ScopedSettings } from './scopedSettings';
import { normalizeSettings } from './settings';
import { startWarmUp, type WarmUpProgress } from './warmUp';
import { sepNumberOf, traceFileNumber } from './sep';
import { NO_TRACE_FILES } from './features/requirements';
import { FetchedSeps, unmatchedRowDiagnostics, type TraceRowsContext } from './features/traceRows';

/** What `sep/stats` answers: the checks run, and how far the warm-up went. */
export interface ServerStats extends AnalysisStats {
  warmUp: WarmUpProgress;
}

/**
 * How long documents wait for the client's first answer to `workspace/configuration` before they are checked with
 * the default settings (and again when the answer comes). VS Code's answers in milliseconds.
 */
const FIRST_SETTINGS_WAIT_MS = 1000;

/** `sep/stats`: how many checks the server has run, for load tests and troubleshooting. */
export const StatsRequest = new RequestType0<ServerStats, void>('sep/stats');

/**
 * Wires the SEP engine to an LSP connection: document sync, settings,
 * diagnostics on open and change, and the editing features. Starts listening.
 * @param host what the platform provides (Node: nodeHost.ts; a Web Worker: browserMain.ts)
 */
export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new ScopedSettings();
  let pullConfiguration = false;
  const store = new AnalysisStore(settings.for, undefined, undefined, undefined, host.remoteParser);
  const pending = new Set<string>();
  const folders = host.folders;
  const fedIndex = new ClientWorkspaceIndex();
  let docsRoot = host.ruleDocsRoot ?? ONLINE_RULE_DOCS_ROOT;
  let clientCapabilities: ClientCapabilities = {};
  /** Whether the client asked for `sep/status` (`initializationOptions.status`). */
  let sendStatus = false;
  /** Whether `initialize` has arrived: previews sent before it may bring their settings, none after. */
  let initialized = false;
  /**
   * Set from `initialized` until the client has first answered `workspace/configuration` (or for at most
   * {@link FIRST_SETTINGS_WAIT_MS}): documents opened meanwhile are checked once the settings are known. Checked with
   * the defaults, they would show, then take back, findings of rules the user turned off.
   */
  let settingsPending: Promise<void> | undefined;
  /** Changes (of any document) seen so far; validation waits until a turn of the event loop brings none. */
  let changes = 0;
  let draining = false;

  const validate = (uri: string): void => {
    const document = documents.get(uri);
    if (!document) return;
    try {
      const analysis = settings.for(uri).validate.enable ? store.analyze(document) : undefined;
      const rules = settings.for(uri).rules;
      const diagnostics = analysis
        ? [...diagnosticsOf(analysis, docsRoot), ...files.traceDiagnostics(analysis, rules, docsRoot), ...unmatchedRowDiagnostics(traceRows, uri, rules, docsRoot)]
        : [];
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
      if (sendStatus) void connection.sendNotification(STATUS_NOTIFICATION, statusOf(analysis, uri, document.version));
      traceFileChanged(uri);
    } catch (err) {
      connection.console.error(`SEP check failed for ${uri}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  };

  /**
   * Validates the pending documents once the queued messages are read: the
   * connection reads one message per turn of the event loop, so while a turn
   * brings new changes, the queue is not empty yet and validation waits. A
   * burst of changes is analysed once, at its latest version; requests read
   * in between (hover, code actions) analyse the current version on demand.
   */
  const drain = (seen: number): void => {
    if (settingsPending) {
      void settingsPending.then(later);
      return;
    }
    if (changes !== seen) {
      later();
      return;
    }
    const [uri] = pending;
    if (uri === undefined) {
      draining = false;
      return;
    }
    pending.delete(uri);
    validate(uri);
    // One document per turn: requests that arrived meanwhile are answered in between.
    later();
  };

  /** Drains on the next turn, remembering how many changes had been seen by now. */
  const later = (): void => {
    const seen = changes;
    host.defer(() => drain(seen));
  };

  /** A traceability file changed (edited, or on disk): the open SEPs it traces are checked again. */
  const traceFileChanged = (uri: string): void => {
    const n = traceFileNumber(uri);
    if (n === undefined) return;
    for (const d of documents.all()) {
      const doc = d.uri !== uri ? store.analyze(d).doc : undefined;
      if (doc && sepNumberOf(doc) === n) schedule(d.uri);
    }
  };

  const schedule = (uri: string): void => {
    changes++;
    pending.add(uri);
    if (draining) return;
    draining = true;
    later();
  };

  /**
   * Reads the settings again when the client can be asked, and checks the open documents again when they changed or
   * `changed` says so already. VS Code sends `didChangeConfiguration` for a change of any setting, and a few at
   * start-up; measured in code-server, those re-checked the open SEP four times right after its first check.
   */
  const reloadSettings = async (changed: boolean): Promise<void> => {
    if (pullConfiguration) {
      try {
        changed = (await settings.pull(connection, folders.uris())) || changed;
      } catch (err) {
        connection.console.warn(`Could not read the sep settings, using defaults: ${String(err)}`);
      }
    }
    if (!changed) return;
    store.invalidate();
    for (const d of documents.all()) schedule(d.uri);
    workspaceCheck?.settingsChanged();
  };

  connection.onInitialize((params): InitializeResult => {
    initialized = true;
    clientCapabilities = params.capabilities;
    pullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    folders.initialize(params);
    const options = params.initializationOptions as { [K in keyof InitializationOptions]?: unknown } | undefined;
    sendStatus = options?.status === true;
    settings.setPushed(options?.settings);
    if (!host.ruleDocsRoot && typeof options?.ruleDocsRoot === 'string' && options.ruleDocsRoot.endsWith('/')) docsRoot = options.ruleDocsRoot;
    return {
      capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, ...FEATURE_CAPABILITIES },
      serverInfo: { name: 'sep-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    folders.listen(connection, () => {
      files.reset();
      // Other folders: documents may now be checked with another folder's settings, or their links resolve otherwise.
      if (pullConfiguration) void reloadSettings(true);
    });
    files.watch(clientCapabilities);
    if (pullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sep' }).catch(() => undefined);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, FIRST_SETTINGS_WAIT_MS)));
      settingsPending = Promise.race([reloadSettings(false), waited]).then(() => {
        clearTimeout(timer);
        settingsPending = undefined;
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = !pullConfiguration && settings.setPushed((change.settings as { sep?: unknown } | undefined)?.sep);
    void reloadSettings(pushed);
  });

  // Fired on open as well as on every change.
  documents.onDidChangeContent((e) => {
    schedule(e.document.uri);
    // An edited SEP may change which rows of an open traceability file match it (trace-row-unmatched).
    if (traceFileNumber(e.document.uri) !== undefined) return;
    for (const d of documents.all()) if (traceFileNumber(d.uri) !== undefined) schedule(d.uri);
  });
  documents.onDidOpen((e) => workspaceCheck?.opened(e.document.uri));
  documents.onDidClose((e) => {
    store.close(e.document.uri);
    workspaceCheck?.closed(e.document.uri);
    files.documentClosed(e.document.uri);
    traceFileChanged(e.document.uri);
  });

  const index = preferClientIndex(fedIndex, host.diskIndex?.(folders.get));
  const fileExists = (uri: string): boolean => fedIndex.has(uri) || host.fileExists(uri);
  const traces = host.traceFiles?.(folders.get, (uri) => documents.get(uri)?.getText()) ?? NO_TRACE_FILES;
  const readText = host.readWorkspaceFile;
  const fetchedSeps = new FetchedSeps();
  const traceRows: TraceRowsContext = { documents, store, index, fetched: fetchedSeps, ...(readText ? { readText: (uri: string) => readText(uri, folders.get()) } : {}) };
  connection.onNotification(TRACE_SEP_NOTIFICATION, (params: unknown) => {
    if (!fetchedSeps.accept(params)) return connection.console.warn('Ignored a malformed sep/traceSep notification.');
    for (const d of documents.all()) if (traceFileNumber(d.uri) === (params as TraceSepParams).number) schedule(d.uri);
  });
  const files = registerFeatures({ connection, documents, store, settings: settings.for, index, fileExists, traces });
  const workspaceCheck = host.workspaceCheck?.({ connection, documents, store, settings: settings.for, folders: folders.get, docsRoot: () => docsRoot });
  files.onChange((uri, change) => {
    workspaceCheck?.fileChanged(uri, change);
    if (!documents.get(uri)) traceFileChanged(uri);
  });
  connection.onNotification(new NotificationType<WorkspaceIndexParams>(WORKSPACE_INDEX_NOTIFICATION), (params) => fedIndex.update(params));
  connection.onRequest(VALIDATE_WORKSPACE_REQUEST, (_params: unknown, token) => {
    if (!workspaceCheck) throw new Error('Validate All SEPs in Workspace reads the workspace from disk: it is not available in the browser.');
    files.watchAllMarkdown();
    return workspaceCheck.run(token);
  });
  connection.onNotification(CONFORMANCE_STATUS_NOTIFICATION, (params: unknown) => {
    const read = readConformanceStatus(params);
    if (read === 'invalid') return connection.console.warn('Ignored a malformed sep/conformanceStatus notification.');
    store.setConformance(read.data);
    for (const d of documents.all()) schedule(d.uri);
  });
  let previewed = false;
  connection.onNotification(PREVIEW_NOTIFICATION, (params: unknown) => {
    const preview = readPreview(params);
    if (!preview) return connection.console.warn('Ignored a malformed sep/preview notification.');
    previewed = true;
    if (documents.get(preview.uri)) return; // open already: its own check wins
    try {
      // The settings the editor sent with the preview, when the server has none of its own yet.
      const given = !initialized && preview.settings !== undefined ? normalizeSettings(preview.settings) : undefined;
      const analysis = store.preview(preview.uri, preview.text, given);
      if (!given?.validate.enable || !analysis) return;
      const diagnostics = diagnosticsOf(analysis, docsRoot);
      const answer: PreviewDiagnosticsParams = { uri: preview.uri, diagnostics };
      if (diagnostics.length) void connection.sendNotification(PREVIEW_DIAGNOSTICS_NOTIFICATION, answer);
    } catch (err) {
      connection.console.error(`SEP check of a preview failed for ${preview.uri}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  });
  // A preview warms the server up with the real document.
  const warmed = host.warmUp ? startWarmUp(host.defer, () => previewed || documents.all().length > 0) : { ran: 0, of: 0 };
  connection.onRequest(StatsRequest, () => ({ ...store.stats(), warmUp: { ...warmed } }));
  documents.listen(connection);
  connection.listen();
}
