import type { Range } from '../types';

/** The capitalised keywords of BCP 14 (RFC 2119, RFC 8174); only these spellings are normative. */
export type NormativeKeyword =
  | 'MUST'
  | 'MUST NOT'
  | 'REQUIRED'
  | 'SHALL'
  | 'SHALL NOT'
  | 'SHOULD'
  | 'SHOULD NOT'
  | 'RECOMMENDED'
  | 'NOT RECOMMENDED'
  | 'MAY'
  | 'OPTIONAL';

/** The strength of a statement: that of its strongest keyword. */
export type NormativeLevel = 'must' | 'should' | 'may';

/** A sentence, list-item sentence, table cell or heading of a SEP's Specification that holds a keyword outside code. */
export interface NormativeStatement {
  /** The statement as plain text: markup dropped, code spans kept as their text, white space folded. */
  text: string;
  /** From its first to its last character, in the document (0-based lines and UTF-16 columns). */
  range: Range;
  level: NormativeLevel;
  /** In order of appearance; a keyword used twice is listed twice. */
  keywords: NormativeKeyword[];
  /** The headings it sits under, from the Specification heading down, e.g. `['Specification', 'Tool Annotations']`. */
  headingPath: string[];
}

/** One entry of a traceability file's `requirements:` list, as written. */
export interface TraceabilityRow {
  text?: string;
  check?: string;
  excluded?: string;
  issue?: string;
  url?: string;
  /** The whole row (the list item). */
  range: Range;
  /** Where each field's value is written. */
  fields?: Partial<Record<'text' | 'check' | 'excluded' | 'issue' | 'url', Range>>;
}

/** A SEP-2484 traceability file (`sep-<number>.yaml` in the conformance repository). */
export interface TraceabilityFile {
  sep?: number;
  specUrl?: string;
  rows: TraceabilityRow[];
}

/** Which traceability rows cover which normative statements (see docs/traceability.md for the measure). */
export interface Coverage {
  /** For each row, by index: the statements it covers (indexes into the statements). */
  rows: { row: number; statements: number[] }[];
  /** MUST- and SHOULD-level statements no row covers, as indexes into the statements. */
  uncovered: number[];
  /** For each uncovered statement, the row most like it and their score (0..1), when any row shares a word with it. */
  candidates: { statement: number; row: number; score: number }[];
  /** Set when the matching stopped at its work limit: later rows were not matched (a hostile file; never a real one). */
  truncated?: boolean;
}
