import type { Range, SepDocument, Severity, TextEdit } from '../types';
import type { WorkspaceIndex } from '../workspace';
import type { ConformanceData } from '../conformance';

/**
 * How far a fix may be trusted.
 * - `certain`: its result follows from the document alone (canonical spelling of a known value, heading level,
 *   moving whole sections or fields into order, a number the document already agrees on). Fix-all applies it.
 * - `suggestion`: it writes something the author did not say (a placeholder, a value, today's date, a template
 *   section, a heading of another meaning). Offered as a quick fix only, never applied by fix-all.
 */
export type FixKind = 'certain' | 'suggestion';

/** A change the engine offers for a finding: plain text edits (and, at most, a file rename), applied together. */
export interface Fix {
  /** Shown as the quick-fix title, e.g. `Rename to "Backward Compatibility"`. */
  title: string;
  kind: FixKind;
  edits: TextEdit[];
  /** Rename the file to this base name (in the same folder) after the edits. */
  renameTo?: string;
}

/** Facts fixes need besides the document. */
export interface FixContext {
  /** Today as `YYYY-MM-DD`. */
  today: string;
  workspace?: WorkspaceIndex;
}

/** What a rule reports. Severity is not the rule's business: the registry and the user's settings decide. */
export interface Report {
  range: Range;
  message: string;
  /** Facts about the finding (e.g. `{ section: 'Motivation' }`); plain JSON. */
  data?: Record<string, string | number | boolean>;
  /**
   * The fixes for this finding, computed only when asked for (a code action, fix-all), never on a keystroke.
   * Each is declared by the rule that reports the finding, next to its check.
   */
  fixes?: (ctx: FixContext) => (Fix | undefined)[];
  /**
   * `expected`: what the rule sees is what the SEP process asks for at the document's stage (an
   * unnumbered draft's blank Status, its `{NUMBER}` placeholders): shown as a hint whatever the
   * configured severity, unless the rule is off.
   */
  stage?: 'expected';
}

/** A report after policy is applied: carries its rule id and effective severity. */
export interface Finding extends Report {
  rule: string;
  severity: Severity;
}

/** Per-run facts rules may need besides the document. */
export interface RuleContext {
  /** Today's date as `YYYY-MM-DD` (injected so tests are stable). */
  today: string;
  /** The conformance repository's traceability data, when the editor has read it (never fetched by the engine). */
  conformance?: ConformanceData;
}

/** What every rule declares, whatever it checks: the settings schema, docs and README are built from it. */
export interface RuleInfo {
  /** Stable kebab-case id; never renamed. */
  id: string;
  defaultSeverity: Severity;
  /** One line for the README, the doc page and hovers. */
  description: string;
  /** The kinds of fix the rule's findings may carry (empty: none). A test holds every fix to this. */
  fixKinds: readonly FixKind[];
}

/** A rule over a SEP's markdown, run by `lint`. */
export interface Rule extends RuleInfo {
  check(doc: SepDocument, ctx: RuleContext): Report[];
}
