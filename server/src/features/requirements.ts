import type { Diagnostic } from 'vscode-languageserver';
import type { RequirementsParams, RequirementsResult } from '../../../common/protocol';
import type { Analysis } from '../analysis';
import { toDiagnostic } from '../diagnostics';
import { normativeStatements, sepNumberOf, traceCoverage, uncoveredFindings, type Coverage, type NormativeStatement, type SeverityOverride } from '../sep';
import type { FeatureEnv } from './env';
import type { KnownTraceFile } from './traceFiles';
import type { FileChange } from './workspaceIndex';

/** Where the workspace's traceability files are: the disk's (traceFiles.ts) on the desktop, none in the browser. */
export interface TraceFileSource {
  /** The traceability file of SEP `n` for the document at `uri`, if one is known. */
  forSep(uri: string, n: number): KnownTraceFile | undefined;
  fileChanged(uri: string, change: FileChange): void;
  forgetAll(): void;
  /** How long what was found is trusted without file events. */
  maxAgeMs: number;
}

/** No traceability files (a server that reads no disk). */
export const NO_TRACE_FILES: TraceFileSource = { forSep: () => undefined, fileChanged: () => undefined, forgetAll: () => undefined, maxAgeMs: Infinity };

/** A SEP's normative statements, and their coverage when its traceability file is in the workspace. */
export interface SepTrace {
  sep?: number;
  statements: NormativeStatement[];
  trace?: { known: KnownTraceFile; coverage: Coverage };
}

/** The trace of an analysed SEP; undefined when the document is not a SEP. */
export function traceOf(analysis: Analysis, traces: TraceFileSource): SepTrace | undefined {
  if (!analysis.doc) return undefined;
  const sep = sepNumberOf(analysis.doc);
  const known = sep !== undefined ? traces.forSep(analysis.uri, sep) : undefined;
  const statements = normativeStatements(analysis.doc);
  return { sep, statements, ...(known ? { trace: { known, coverage: traceCoverage(statements, known.file) } } : {}) };
}

/**
 * `trace-uncovered` diagnostics for a SEP whose traceability file is known; none otherwise. Runs on every check of
 * a SEP, so the statements are extracted only when the SEP has a traceability file.
 */
export function uncoveredDiagnostics(analysis: Analysis, traces: TraceFileSource, rules: Record<string, SeverityOverride>, docsRoot: string): Diagnostic[] {
  if (rules['trace-uncovered'] === 'off' || !analysis.doc) return [];
  const sep = sepNumberOf(analysis.doc);
  if (sep === undefined || !traces.forSep(analysis.uri, sep)) return [];
  const t = traceOf(analysis, traces);
  if (!t?.trace) return [];
  const { known, coverage } = t.trace;
  return uncoveredFindings(t.statements, known.file, coverage, known.fileName, rules).map((f) => toDiagnostic(f, docsRoot));
}

/** The `sep/requirements` answer for an open document: its statements, with coverage when a traceability file is known. */
export function requirements(env: FeatureEnv, traces: TraceFileSource, params: RequirementsParams): RequirementsResult {
  const c = env.documentContext(params.uri);
  const t = c && traceOf(c.analysis, traces);
  if (!t) return { statements: [] };
  const rowsOf = new Map<number, number[]>();
  for (const r of t.trace?.coverage.rows ?? []) for (const s of r.statements) rowsOf.set(s, [...(rowsOf.get(s) ?? []), r.row]);
  const statements = t.statements.map((s, i) => ({
    text: s.text,
    range: s.range,
    level: s.level,
    keywords: [...s.keywords],
    headingPath: [...s.headingPath],
    ...(t.trace ? { covered: rowsOf.has(i), rows: rowsOf.get(i) ?? [] } : {}),
  }));
  return { ...(t.sep !== undefined ? { sep: t.sep } : {}), statements, ...(t.trace ? { traceFile: t.trace.known.uri } : {}) };
}
