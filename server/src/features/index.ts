import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisStore } from '../analysis';

/** What the editing features need from the server. */
export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: AnalysisStore;
}

/** Capabilities of the editing features registered by {@link registerFeatures}. */
export const FEATURE_CAPABILITIES: ServerCapabilities = {};

/** Registers the editing features (code actions, completion, hover, links) on the connection. */
export function registerFeatures(_ctx: FeatureContext): void {}
