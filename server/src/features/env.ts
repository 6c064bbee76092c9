import type { TextDocument } from 'vscode-languageserver-textdocument';
import { uriPath, type Analysis } from '../analysis';
import type { ConformanceData, SepDocument, SeverityOverride } from '../sep';
import type { WorkspaceIndex } from '../sep/workspace';
import type { FeatureContext } from './index';

/** Everything a feature handler needs about one open SEP. */
export interface DocumentContext {
  uri: string;
  document: TextDocument;
  analysis: Analysis;
  doc: SepDocument;
  fileName: string;
  workspace: WorkspaceIndex;
}

/** What the handlers share: open SEPs with their analysis and workspace, today, rule overrides. */
export interface FeatureEnv {
  /** Undefined when the document is not open or is not a SEP. */
  documentContext(uri: string): DocumentContext | undefined;
  today(): string;
  /** The rule severities set for a document. */
  rules(uri: string): Record<string, SeverityOverride>;
  /** Whether a file exists; false when it cannot be known. */
  fileExists(uri: string): boolean;
  /** The conformance repository's traceability data the editor sent, if any. */
  conformance(): ConformanceData | undefined;
}

/** Builds the handlers' environment from the server's feature context. */
export function createEnv(ctx: FeatureContext): FeatureEnv {
  return {
    documentContext(uri) {
      const document = ctx.documents.get(uri);
      if (!document) return undefined;
      const analysis = ctx.store.analyze(document);
      if (!analysis.doc) return undefined;
      const path = uriPath(uri);
      return { uri, document, analysis, doc: analysis.doc, fileName: path.slice(path.lastIndexOf('/') + 1), workspace: ctx.index.forDocument(uri) };
    },
    today: () => new Date().toISOString().slice(0, 10),
    rules: (uri) => ctx.settings(uri).rules,
    fileExists: (uri) => ctx.fileExists(uri),
    conformance: () => ctx.store.conformance,
  };
}
