import type { Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisStore } from '../analysis';
import { toDiagnostic } from '../diagnostics';
import { MAX_CHECKED_CHARS, normativeStatements, parseTraceability, sepNumberOf, traceCoverage, traceFileNumber, unmatchedRowFindings, type SeverityOverride } from '../sep';
import type { WorkspaceIndexSource } from './workspaceIndex';

/** What finding a traceability file's SEP needs. */
export interface TraceRowsContext {
  documents: TextDocuments<TextDocument>;
  store: AnalysisStore;
  index: WorkspaceIndexSource;
  /** The text of a workspace file the server may read (inside a workspace folder); undefined when it cannot. */
  readText?: (uri: string) => string | undefined;
  /** SEPs the client read from GitHub for open traceability files (`sep/traceSep`). */
  fetched: FetchedSeps;
}

/** The SEP texts the client sent (`sep/traceSep`), by number: the latest few, validated and bounded. */
export class FetchedSeps {
  private readonly seps = new Map<number, { uri: string; text: string }>();

  /** Keeps what the client sent; false (and nothing kept) when it is malformed or too large. */
  accept(params: unknown): boolean {
    const p = params as Partial<{ number: unknown; uri: unknown; text: unknown }> | null;
    if (!p || typeof p !== 'object' || !Number.isSafeInteger(p.number) || (p.number as number) <= 0) return false;
    if (typeof p.uri !== 'string' || p.uri.length > MAX_URI || typeof p.text !== 'string' || p.text.length > MAX_CHECKED_CHARS) return false;
    this.seps.delete(p.number as number);
    this.seps.set(p.number as number, { uri: p.uri, text: p.text });
    while (this.seps.size > MAX_FETCHED) this.seps.delete(this.seps.keys().next().value!);
    return true;
  }

  get(number: number): { uri: string; text: string } | undefined {
    return this.seps.get(number);
  }
}

const MAX_FETCHED = 20;
const MAX_URI = 2048;

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
    if (d.uri === yamlUri || traceFileNumber(d.uri) !== undefined) continue;
    const doc = ctx.store.analyze(d).doc;
    if (doc && sepNumberOf(doc) === n) return doc;
  }
  const entry = ctx.index.forDocument(yamlUri).seps.find((s) => s.number === String(n));
  const text = entry && ctx.readText?.(entry.location);
  if (text !== undefined) return ctx.store.analyzeText(entry!.location, text).doc;
  const fetched = ctx.fetched.get(n);
  // Read as a SEP file whatever its URI: the analysis decides SEP-ness by file name.
  return fetched ? ctx.store.analyzeText(`sep-fetched:/seps/${fetched.uri.slice(fetched.uri.lastIndexOf('/') + 1)}`, fetched.text).doc : undefined;
}
