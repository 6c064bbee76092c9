import type { SeverityOverride } from '../lint';
import type { Finding } from '../rules/types';
import { TRACE_RULES } from './rules';
import type { Coverage, NormativeStatement, TraceabilityFile } from './types';

/** Longest quote of a candidate row's text in a message. */
const QUOTE = 100;

/**
 * `trace-uncovered` findings on a SEP: one per MUST- or SHOULD-level statement that no row of its traceability
 * file covers, on the statement, naming the closest row when there is one. `traceFile` is the file's name as the
 * author knows it (`sep-2164.yaml`).
 */
export function uncoveredFindings(
  statements: readonly NormativeStatement[],
  file: TraceabilityFile,
  coverage: Coverage,
  traceFile: string,
  rules: Record<string, SeverityOverride> = {},
): Finding[] {
  const level = rules['trace-uncovered'] ?? TRACE_RULES.find((r) => r.id === 'trace-uncovered')!.defaultSeverity;
  if (level === 'off') return [];
  const best = new Map(coverage.candidates.map((c) => [c.statement, c]));
  return coverage.uncovered.map((i) => {
    const s = statements[i];
    const c = best.get(i);
    const row = c ? file.rows[c.row] : undefined;
    const closest = row
      ? ` The closest is row ${c!.row + 1}${row.check ? ` (\`${row.check}\`)` : ''}, similarity ${c!.score}: "${quote(row.text ?? '')}".`
      : ' No row shares a word with it.';
    return {
      rule: 'trace-uncovered',
      severity: level,
      range: s.range,
      message: `No row of \`${traceFile}\` covers this ${s.level.toUpperCase()}-level statement: add a row with its \`check\`, or \`excluded\` and why.${closest}`,
      data: { statement: i },
    };
  });
}

/**
 * `trace-row-unmatched` findings on a traceability file: one per row with text that matches no normative statement
 * of its SEP, on the row. Information only: the row may quote the published specification page rather than the
 * SEP, merge requirements, or be left over from an earlier version of the SEP. `sep` names the SEP as read
 * (`SEP-2164`, from the workspace or GitHub).
 */
export function unmatchedRowFindings(
  file: TraceabilityFile,
  coverage: Coverage,
  sep: string,
  rules: Record<string, SeverityOverride> = {},
): Finding[] {
  const level = rules['trace-row-unmatched'] ?? TRACE_RULES.find((r) => r.id === 'trace-row-unmatched')!.defaultSeverity;
  if (level === 'off' || coverage.truncated) return [];
  return file.rows.flatMap((row, i) =>
    row.text?.trim() && coverage.rows[i]?.statements.length === 0
      ? [{
          rule: 'trace-row-unmatched',
          severity: level,
          range: row.range,
          message: `This row's text matches no normative statement of ${sep}'s Specification: it may quote the published specification page, or the SEP may have changed since ("${quote(row.text)}").`,
          data: { row: i },
        }]
      : [],
  );
}

function quote(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > QUOTE ? `${t.slice(0, QUOTE - 1)}…` : t;
}
