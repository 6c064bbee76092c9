import type { Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisStore } from '../analysis';
import { toDiagnostic } from '../diagnostics';
import { normativeStatements, parseTraceability, sepNumberOf, traceCoverage, traceFileNumber, unmatchedRowFindings, type SeverityOverride } from '../sep';
import type { WorkspaceIndexSource } from './workspaceIndex';

/** What finding a traceability file's SEP needs. */
export interface TraceRowsContext {
  documents: TextDocuments<TextDocument>;
  store: AnalysisStore;
  index: WorkspaceIndexSource;
  /** The text of a workspace file the server may read (inside a workspace folder); undefined when it cannot. */
  readText?: (uri: string) => string | undefined;
}

/**
 * `trace-row-unmatched` diagnostics for an open traceability file (`sep-<number>.yaml`) whose SEP can be read: an
 * open document that is SEP-<number>, else the workspace's `seps/<number>-*.md`. None when the SEP is not found.
 */
export function unmatchedRowDiagnostics(ctx: TraceRowsContext, uri: string, rules: Record<string, SeverityOverride>, docsRoot: string): Diagnostic[] {
  if (rules['trace-row-unmatched'] === 'off') return [];
  const fileName = uri.slice(uri.lastIndexOf('/') + 1);
  const n = traceFileNumber(fileName);
  const yaml = ctx.documents.get(uri);
  if (n === undefined || !yaml) return [];
  const sep = sepDocument(ctx, uri, n);
  if (!sep) return [];
  const { file } = parseTraceability(yaml.getText(), fileName);
  const coverage = traceCoverage(normativeStatements(sep), file);
  return unmatchedRowFindings(file, coverage, `SEP-${n}`, rules).map((f) => toDiagnostic(f, docsRoot));
}

function sepDocument(ctx: TraceRowsContext, yamlUri: string, n: number) {
  for (const d of ctx.documents.all()) {
    if (d.uri === yamlUri || traceFileNumber(d.uri.slice(d.uri.lastIndexOf('/') + 1)) !== undefined) continue;
    const doc = ctx.store.analyze(d).doc;
    if (doc && sepNumberOf(doc) === n) return doc;
  }
  const entry = ctx.index.forDocument(yamlUri).seps.find((s) => s.number === String(n));
  const text = entry && ctx.readText?.(entry.location);
  return text === undefined ? undefined : ctx.store.analyzeText(entry!.location, text).doc;
}
