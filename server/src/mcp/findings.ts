/**
 * Findings as the MCP tools return them: plain JSON with one-based positions, a plain-text message and
 * whether fix_sep would fix the finding, plus the zod shape the tools declare as output.
 */
import { z } from 'zod';
import { countBySeverity, plainMessage, type Finding, type Severity } from '../sep';
import { fixesFor } from '../sep/fixes';

/** One finding in a tool's structured result. */
export const FINDING = z.object({
  rule: z.string().describe('Rule id; explain_rule tells what it checks and how to satisfy it.'),
  severity: z.enum(['error', 'warning', 'information', 'hint']),
  line: z.number().int().describe('One-based line of the start.'),
  column: z.number().int().describe('One-based column (UTF-16 code units) of the start.'),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  message: z.string().describe('What is wrong, as plain text.'),
  certainFix: z.boolean().describe('True when fix_sep fixes this finding (a certain fix, not a suggestion).'),
});

/** A finding as {@link FINDING} describes it. */
export type FindingRecord = z.infer<typeof FINDING>;

/** Counts by severity. */
export const COUNTS = z.object({
  errors: z.number().int(),
  warnings: z.number().int(),
  information: z.number().int(),
  hints: z.number().int(),
});

/** Whether fix-all (fix_sep) applies a fix for this finding: a problem (not a hint) with a certain text fix. */
export function hasCertainFix(f: Finding, today: string): boolean {
  if (f.severity === 'hint') return false;
  return fixesFor(f, { today }).some((x) => x.kind === 'certain' && x.renameTo === undefined);
}

/** The record of one engine finding. */
export function findingRecord(f: Finding, today: string): FindingRecord {
  const { start, end } = f.range;
  return {
    rule: f.rule,
    severity: f.severity,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    message: plainMessage(f.message),
    certainFix: hasCertainFix(f, today),
  };
}

/** Counts of findings by severity. */
export function countFindings(findings: readonly { severity: Severity }[]): z.infer<typeof COUNTS> {
  return countBySeverity(findings);
}

const LISTED = 40;

/** A few lines for the text content: the counts, then one line per finding (the first {@link LISTED}). */
export function findingsText(what: string, findings: readonly FindingRecord[]): string {
  const c = countFindings(findings);
  const fixable = findings.filter((f) => f.certainFix).length;
  const head = findings.length === 0
    ? `${what}: no findings.`
    : `${what}: ${c.errors} error(s), ${c.warnings} warning(s), ${c.information} note(s), ${c.hints} hint(s); ${fixable} fixable by fix_sep.`;
  const lines = findings.slice(0, LISTED).map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule}: ${f.message}${f.certainFix ? ' [fix_sep]' : ''}`);
  if (findings.length > LISTED) lines.push(`… and ${findings.length - LISTED} more (see the structured result).`);
  return [head, ...lines].join('\n');
}
