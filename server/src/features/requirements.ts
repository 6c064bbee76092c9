import type { Diagnostic } from 'vscode-languageserver';
import type { RequirementsParams, RequirementsResult } from '../../../common/protocol';
import type { Analysis } from '../analysis';
import { toDiagnostic } from '../diagnostics';
import { normativeStatements, sepNumberOf, traceCoverage, uncoveredFindings, type Coverage, type NormativeStatement, type SeverityOverride } from '../sep';
import type { FeatureEnv } from './env';
import type { KnownTraceFile, TraceFileIndex } from './traceFiles';

/** A SEP's normative statements, and their coverage when its traceability file is in the workspace. */
export interface SepTrace {
  sep?: number;
  statements: NormativeStatement[];
  trace?: { known: KnownTraceFile; coverage: Coverage };
}

/** The trace of an analysed SEP; undefined when the document is not a SEP. */
export function traceOf(analysis: Analysis, traces: TraceFileIndex): SepTrace | undefined {
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
export function uncoveredDiagnostics(analysis: Analysis, traces: TraceFileIndex, rules: Record<string, SeverityOverride>): Diagnostic[] {
  if (rules['trace-uncovered'] === 'off' || !analysis.doc) return [];
  const sep = sepNumberOf(analysis.doc);
  if (sep === undefined || !traces.forSep(analysis.uri, sep)) return [];
  const t = traceOf(analysis, traces);
  if (!t?.trace) return [];
  const { known, coverage } = t.trace;
  return uncoveredFindings(t.statements, known.file, coverage, known.fileName, rules).map(toDiagnostic);
}

/** The `sep/requirements` answer for an open document: its statements, with coverage when a traceability file is known. */
export function requirements(env: FeatureEnv, traces: TraceFileIndex, params: RequirementsParams): RequirementsResult {
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
