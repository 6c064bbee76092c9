/** Conformance traceability (SEP-2484): a SEP's normative statements, its `sep-<number>.yaml` file, and how they match. */
export { normativeStatements } from './statements';
export { parseTraceability, traceFileNumber, MAX_TRACE_FILE } from './file';
export type { TraceOptions } from './file';
export { traceCoverage, normalisedWords, similarity, rowParts, COVER_THRESHOLD, MAX_COVERAGE_WORK } from './coverage';
export { traceabilitySkeleton, sepNumberOf, DRAFT_SPEC_URL } from './skeleton';
export { uncoveredFindings, unmatchedRowFindings } from './uncovered';
export { TRACE_RULES } from './rules';
export type { Coverage, NormativeKeyword, NormativeLevel, NormativeStatement, TraceabilityFile, TraceabilityRow } from './types';
