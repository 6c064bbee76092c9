import { RULES } from './rules/registry';
import type { Finding, Rule, RuleContext } from './rules/types';
import type { Range, SepDocument, Severity } from './types';
import { comparePositions } from './text';
import { isFinal, onFinalSep, type FinalSeps } from './final';
import type { ConformanceData } from './conformance';

export type SeverityOverride = Severity | 'off';

/** How many findings there are of each severity. */
export interface SeverityCounts {
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

/** Counts findings by severity (the CLI's summary, the MCP tools' counts). */
export function countBySeverity(findings: Iterable<{ severity: Severity }>): SeverityCounts {
  const counts: SeverityCounts = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else if (f.severity === 'information') counts.information++;
    else counts.hints++;
  }
  return counts;
}

export interface LintOptions {
  /** Severity per rule id; `off` silences a rule. */
  rules?: Record<string, SeverityOverride>;
  /** `YYYY-MM-DD`; defaults to the current UTC date. */
  today?: string;
  /** The rules to run; defaults to the registry. Tests pass their own. */
  ruleSet?: readonly Rule[];
  /** `quiet` (default): on a SEP whose Status is Final, findings of rules that do not affect the published page are hints (see final.ts). */
  finalSeps?: FinalSeps;
  /** Asked before each rule; when it answers true, lint stops with {@link LintStopped}. */
  shouldStop?: () => boolean;
  /** The conformance repository's traceability data, for `conformance-tests`. */
  conformance?: ConformanceData;
}

/** Thrown by {@link lint} when {@link LintOptions.shouldStop} asks it to stop (a time budget ran out). */
export class LintStopped extends Error {
  constructor(readonly rule: string) {
    super(`stopped before rule ${rule}`);
  }
}

/**
 * Runs every rule over the document. A rule that throws becomes one finding;
 * the others still run. On a Final SEP the final.ts policy applies unless `finalSeps` is `full`.
 */
export function lint(doc: SepDocument, options: LintOptions = {}): Finding[] {
  const ctx: RuleContext = { today: options.today ?? new Date().toISOString().slice(0, 10), conformance: options.conformance };
  const overrides = options.rules ?? {};
  const directives = readDirectives(doc);
  const frozen = options.finalSeps !== 'full' && isFinal(doc);
  const findings: Finding[] = [];
  // A text too large to parse has no structure to check: only the rule that says so runs.
  const rules = doc.tooLarge ? RULES.filter((r) => r.id === 'document-too-large') : options.ruleSet ?? RULES;
  for (const rule of rules) {
    const level = overrides[rule.id] ?? rule.defaultSeverity;
    if (level === 'off') continue;
    if (options.shouldStop?.()) throw new LintStopped(rule.id);
    let reports;
    try {
      reports = rule.check(doc, ctx);
    } catch (err) {
      findings.push({
        rule: rule.id,
        severity: 'error',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `Rule ${rule.id} failed on this document and was skipped (${err instanceof Error ? err.message : String(err)}). Please report this.`,
      });
      continue;
    }
    for (const r of reports) {
      if (directives.disabled(rule.id, r.range)) continue;
      const finding: Finding = { ...r, rule: rule.id, severity: r.stage === 'expected' ? 'hint' : level };
      findings.push(frozen ? onFinalSep(finding) : finding);
    }
  }
  // Rule ids are ASCII: a code-unit comparison orders them the same in every locale, and does not
  // start ICU's collator (about 6 ms on the first call, which a freshly started server pays).
  return findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/** A directive and what follows it up to the next `>` or line break; greedy, so nothing is retried. */
export const DIRECTIVE = /sep-lint-(disable-next-line|disable-line|disable|enable)\b([^\n>]*)/g;

interface Directive {
  line: number;
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  ids: string[];
}

/**
 * `<!-- sep-lint-disable id ... -->` silences rules from its line on (all
 * rules when no id is given) until `<!-- sep-lint-enable ... -->`;
 * `sep-lint-disable-next-line` and `sep-lint-disable-line` silence one line.
 */
function readDirectives(doc: SepDocument): { disabled(rule: string, range: Range): boolean } {
  const list: Directive[] = [];
  for (const c of doc.comments) {
    for (const m of c.text.matchAll(DIRECTIVE)) {
      // The ids run to the comment's `-->` (or the text's end) on the directive's line.
      const next = c.text[m.index + m[0].length];
      const ok = next === undefined || (next === '>' && m[2].endsWith('--'));
      if (!ok) continue;
      const ids = (next === '>' ? m[2].slice(0, -2) : m[2]).split(/[\s,]+/).filter((x) => /^[a-z0-9-]+$/.test(x));
      list.push({ line: c.range.start.line, kind: m[1] as Directive['kind'], ids });
    }
  }
  const applies = (d: Directive, rule: string) => d.ids.length === 0 || d.ids.includes(rule);
  return {
    disabled(rule, range) {
      const line = range.start.line;
      let off = false;
      for (const d of list) {
        if (!applies(d, rule)) continue;
        if (d.kind === 'disable-next-line' && d.line + 1 === line) return true;
        if (d.kind === 'disable-line' && d.line === line) return true;
        if (d.line <= line && d.kind === 'disable') off = true;
        if (d.line <= line && d.kind === 'enable') off = false;
      }
      return off;
    },
  };
}
