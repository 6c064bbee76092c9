import type { Range, SepDocument, Severity, TextEdit } from '../types';

/** A change the engine offers for a finding: plain text edits, applied together. */
export interface Fix {
  /** Shown as the quick-fix title, e.g. `Rename to "Backward Compatibility"`. */
  title: string;
  edits: TextEdit[];
  /** Safe to apply without looking (fix-all, `sep-lint --fix`). */
  auto?: boolean;
}

/** What a rule reports. Severity is not the rule's business: the registry and the user's settings decide. */
export interface Report {
  range: Range;
  message: string;
  /** Facts a fix needs (e.g. `{ section: 'Motivation' }`, `{ expected: 'Draft' }`); plain JSON. */
  data?: Record<string, string | number | boolean>;
  fixes?: Fix[];
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
}

export interface Rule {
  /** Stable kebab-case id; never renamed. */
  id: string;
  defaultSeverity: Severity;
  /** One line for the README, the doc page and hovers. */
  description: string;
  /** Whether the rule can offer a fix. */
  fixable: boolean;
  check(doc: SepDocument, ctx: RuleContext): Report[];
}
