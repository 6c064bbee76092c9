import { CodeActionKind, type Connection, type ServerCapabilities, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisStore } from '../analysis';
import type { ServerSettings } from '../settings';
import { FIX_ALL_KIND, codeActions } from './codeActions';
import { completion, definition, documentLinks, hover } from './editing';
import { createEnv, type FeatureEnv } from './env';
import { FixAllRequest, computeFixAll } from './fixAll';

export { FixAllRequest, FIX_ALL_KIND };
export { WorkspaceFolderPaths } from './folders';

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
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

/**
 * Registers the editing features on the connection: quick fixes and fix-all
 * (code actions and the `sep/fixAll` request), completion, hover, document
 * links and go to definition. A failing handler logs and answers empty.
 */
export function registerFeatures(ctx: FeatureContext): void {
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
  connection.onRequest(FixAllRequest, guard('fix all', null, (e, params) => {
    const c = e.documentContext(params.textDocument.uri);
    if (!c) return null;
    const { edits, applied } = computeFixAll(c.document, c.fileName, { rules: e.rules(), today: e.today(), workspace: c.workspace });
    return { version: c.document.version, edits, applied };
  }));
}
