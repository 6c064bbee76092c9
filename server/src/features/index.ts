import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  RequestType,
  type ClientCapabilities,
  type Connection,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisStore } from '../analysis';
import type { ServerSettings } from '../settings';
import { FIX_ALL_KIND, codeActions } from './codeActions';
import { completion, definition, documentLinks, hover } from './editing';
import { createEnv, type FeatureEnv } from './env';
import { FixAllRequest, computeFixAll } from './fixAll';
import { WorkspaceIndexer, type FileChange } from './workspace';
import { setPrNumber } from './setPrNumber';
import { codeLenses } from './codeLens';
import { skeletonFor } from './traceability';
import {
  REQUIREMENTS_REQUEST,
  SET_PR_NUMBER_REQUEST,
  TRACEABILITY_SKELETON_REQUEST,
  type RequirementsParams,
  type RequirementsResult,
  type SetPrNumberParams,
  type SetPrNumberResult,
  type TraceabilitySkeletonParams,
  type TraceabilitySkeletonResult,
} from '../../../common/protocol';
import { TraceFileIndex } from './traceFiles';
import { requirements, uncoveredDiagnostics } from './requirements';
import type { Analysis } from '../analysis';
import type { Diagnostic } from 'vscode-languageserver';

export { FixAllRequest, FIX_ALL_KIND };
export { WorkspaceFolderPaths } from './folders';
export { WorkspaceCheck } from './workspaceCheck';
export { readConformanceStatus } from './conformance';

/** What the editing features need from the server. */
export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: AnalysisStore;
  /** The current settings (rule severities matter to fix-all); defaults when not given. */
  settings: () => ServerSettings;
  /** The workspace folders' paths: the only places the server reads besides open documents. */
  workspaceFolders?: () => readonly string[];
}

/** Capabilities of the editing features registered by {@link registerFeatures}. */
export const FEATURE_CAPABILITIES: ServerCapabilities = {
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
  completionProvider: { triggerCharacters: ['-', ' ', '*', '@'] },
  hoverProvider: true,
  documentLinkProvider: { resolveProvider: false },
  definitionProvider: true,
  codeLensProvider: { resolveProvider: false },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

/**
 * Registers the editing features on the connection: quick fixes and fix-all
 * (code actions and the `sep/fixAll` request), completion, hover, document
 * links, go to definition, a SEP's requirements (`sep/requirements`), the
 * requirements code lens and the traceability skeleton request. A failing
 * handler logs and answers empty.
 */
export function registerFeatures(ctx: FeatureContext): WorkspaceFiles {
  const indexer = new WorkspaceIndexer(ctx.workspaceFolders);
  const traces = new TraceFileIndex(ctx.workspaceFolders ?? (() => []), (uri) => ctx.documents.get(uri)?.getText());
  const env = createEnv(ctx, indexer);
  const { connection } = ctx;
  const guard = <P, R>(name: string, empty: R, fn: (env: FeatureEnv, p: P) => R) => (p: P): R => {
    try {
      return fn(env, p);
    } catch (err) {
      connection.console.error(`SEP ${name} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      return empty;
    }
  };
  connection.onCodeAction(guard('code actions', [], codeActions));
  connection.onCompletion(guard('completion', [], completion));
  connection.onHover(guard('hover', null, hover));
  connection.onDocumentLinks(guard('document links', [], documentLinks));
  connection.onDefinition(guard('definition', null, definition));
  connection.onCodeLens(guard('code lens', [], codeLenses));
  connection.onRequest(FixAllRequest, guard('fix all', null, (e, params) => {
    const c = e.documentContext(params.textDocument.uri);
    if (!c) return null;
    const { edits, applied } = computeFixAll(c.document, c.fileName, { rules: e.rules(), today: e.today(), workspace: c.workspace });
    return { version: c.document.version, edits, applied };
  }));
  connection.onRequest(new RequestType<SetPrNumberParams, SetPrNumberResult, void>(SET_PR_NUMBER_REQUEST), guard<SetPrNumberParams, SetPrNumberResult>('set PR number', { error: 'The SEP server could not compute the change.' }, setPrNumber));
  connection.onRequest(new RequestType<RequirementsParams, RequirementsResult, void>(REQUIREMENTS_REQUEST), guard<RequirementsParams, RequirementsResult>('requirements', { statements: [] }, (e, p) => requirements(e, traces, p)));
  connection.onRequest(
    new RequestType<TraceabilitySkeletonParams, TraceabilitySkeletonResult, void>(TRACEABILITY_SKELETON_REQUEST),
    guard<TraceabilitySkeletonParams, TraceabilitySkeletonResult>('traceability skeleton', { error: 'The SEP server could not draft the file.' }, skeletonFor),
  );
  return new WorkspaceFiles(connection, indexer, traces);
}

const CHANGE: Record<FileChangeType, FileChange> = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' };

/** Keeps the workspace index current from the client's file events, so requests never read the disk. */
export class WorkspaceFiles {
  private readonly listeners: ((uri: string, change: FileChange) => void)[] = [];
  private canWatch = false;
  private watchingMarkdown = false;

  constructor(
    private readonly connection: Connection,
    private readonly indexer: WorkspaceIndexer,
    private readonly traces: TraceFileIndex,
  ) {
    connection.onDidChangeWatchedFiles((e) => {
      for (const c of e.changes) {
        indexer.fileChanged(c.uri, CHANGE[c.type]);
        traces.fileChanged(c.uri, CHANGE[c.type]);
        for (const listener of this.listeners) listener(c.uri, CHANGE[c.type]);
      }
    });
  }

  /** Also tells `listener` of every file event. */
  onChange(listener: (uri: string, change: FileChange) => void): void {
    this.listeners.push(listener);
  }

  /** `trace-uncovered` diagnostics for an analysed SEP whose traceability file is in the workspace. */
  traceDiagnostics(analysis: Analysis, rules: Parameters<typeof uncoveredDiagnostics>[2]): Diagnostic[] {
    return uncoveredDiagnostics(analysis, this.traces, rules);
  }

  /** A document closed: a traceability file's disk text counts again instead of the editor's. */
  documentClosed(uri: string): void {
    this.traces.fileChanged(uri, 'changed');
  }

  /** Asks the client to watch every Markdown file too (once), for the workspace check. */
  watchAllMarkdown(): void {
    if (!this.canWatch || this.watchingMarkdown) return;
    this.watchingMarkdown = true;
    void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{md,markdown}' }] }).catch(() => undefined);
  }

  /**
   * Asks the client to watch the files the index is made of (call once `initialized` arrived). A client that
   * cannot register watchers gets an index that is re-read at most every few seconds instead.
   */
  watch(capabilities: ClientCapabilities): void {
    const stale = (): void => {
      this.indexer.maxAgeMs = STALE_WITHOUT_EVENTS_MS;
      this.traces.maxAgeMs = STALE_WITHOUT_EVENTS_MS;
    };
    if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return stale();
    this.canWatch = true;
    const watchers = ['**/seps/*.md', '**/seps', '**/MAINTAINERS.md', '**/sep-*.{yaml,yml}'].map((globPattern) => ({ globPattern }));
    this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(stale);
  }

  /** Forgets what was read (the workspace folders changed). */
  reset(): void {
    this.indexer.forgetAll();
    this.traces.forgetAll();
  }
}

/** How long an index is trusted when the client sends no file events. */
const STALE_WITHOUT_EVENTS_MS = 5000;
