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
import type { FileChange, WorkspaceIndexSource } from './workspaceIndex';
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
import { requirements, uncoveredDiagnostics, type TraceFileSource } from './requirements';
import type { Analysis } from '../analysis';
import type { Diagnostic } from 'vscode-languageserver';

export { FixAllRequest, FIX_ALL_KIND };
export { readConformanceStatus } from './conformance';

/** What the editing features need from the server. */
export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: AnalysisStore;
  /** The settings for a document (rule severities matter to fix-all). */
  settings: (uri: string) => ServerSettings;
  /** Where each document's workspace index comes from. */
  index: WorkspaceIndexSource;
  /** Whether a file exists (Set PR Number never renames over one). */
  fileExists: (uri: string) => boolean;
  /** Where the workspace's traceability files are (none in the browser). */
  traces: TraceFileSource;
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
  const env = createEnv(ctx);
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
    const { edits, applied } = computeFixAll(c.document, c.fileName, { rules: e.rules(c.uri), today: e.today(), workspace: c.workspace });
    return { version: c.document.version, edits, applied };
  }));
  connection.onRequest(new RequestType<SetPrNumberParams, SetPrNumberResult, void>(SET_PR_NUMBER_REQUEST), guard<SetPrNumberParams, SetPrNumberResult>('set PR number', { error: 'The SEP server could not compute the change.' }, setPrNumber));
  connection.onRequest(new RequestType<RequirementsParams, RequirementsResult, void>(REQUIREMENTS_REQUEST), guard<RequirementsParams, RequirementsResult>('requirements', { statements: [] }, (e, p) => requirements(e, ctx.traces, p)));
  connection.onRequest(
    new RequestType<TraceabilitySkeletonParams, TraceabilitySkeletonResult, void>(TRACEABILITY_SKELETON_REQUEST),
    guard<TraceabilitySkeletonParams, TraceabilitySkeletonResult>('traceability skeleton', { error: 'The SEP server could not draft the file.' }, skeletonFor),
  );
  return new WorkspaceFiles(connection, ctx.index, ctx.traces);
}

const CHANGE: Record<FileChangeType, FileChange> = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' };

/** Keeps the workspace index current from the client's file events, so requests never read the disk. */
export class WorkspaceFiles {
  private readonly listeners: ((uri: string, change: FileChange) => void)[] = [];
  private canWatch = false;
  private watchingMarkdown = false;

  constructor(
    private readonly connection: Connection,
    private readonly indexer: WorkspaceIndexSource,
    private readonly traces: TraceFileSource,
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
  traceDiagnostics(analysis: Analysis, rules: Parameters<typeof uncoveredDiagnostics>[2], docsRoot: string): Diagnostic[] {
    return uncoveredDiagnostics(analysis, this.traces, rules, docsRoot);
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
