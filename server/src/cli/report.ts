/**
 * How the CLI prints findings: `text` (one line per finding), `json` (findings plus a summary) and
 * `github` (GitHub Actions workflow commands, which the runner turns into annotations on the pull request).
 */
import { countBySeverity, type Finding, type SeverityCounts } from '../sep';

/** The output formats `--format` accepts. */
export const FORMATS = ['text', 'json', 'github'] as const;

/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** The findings of one checked file, under the path shown to the user. */
export interface FileResult {
  file: string;
  findings: Finding[];
}

/** Counts over a whole run. */
export interface Summary extends SeverityCounts {
  files: number;
}

/** Counts files and findings by severity. */
export function summarize(results: FileResult[]): Summary {
  return { files: results.length, ...countBySeverity(results.flatMap((r) => r.findings)) };
}

/** The report for `format` (empty when there is nothing to print). */
export function formatReport(format: Format, results: FileResult[]): string {
  if (format === 'json') return formatJson(results);
  if (format === 'github') return formatGitHub(results);
  return formatText(results);
}

/**
 * The one-line summary printed on stderr after a text or github report. Hints (findings on Final SEPs that do
 * not make the published page wrong) are not problems: they are counted apart and not printed.
 */
export function summaryLine(s: Summary): string {
  const hints = s.hints ? `; ${s.hints} hint(s) on Final SEPs not shown (--format json lists them)` : '';
  return `${s.files} file${s.files === 1 ? '' : 's'} checked: ${s.errors} error(s), ${s.warnings} warning(s), ${s.information} note(s)${hints}`;
}

function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const { file, findings } of results) {
    for (const f of findings) {
      if (f.severity === 'hint') continue;
      lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${f.message}`);
    }
  }
  return lines.join('\n');
}

function formatJson(results: FileResult[]): string {
  const findings = results.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      file,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      severity: f.severity,
      rule: f.rule,
      message: f.message,
    })),
  );
  return JSON.stringify({ summary: summarize(results), findings }, null, 2);
}

const COMMAND: Record<Finding['severity'], 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/** A workflow command's message, escaped as `@actions/core` does (`escapeData`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value, escaped as `@actions/core` does (`escapeProperty`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function formatGitHub(results: FileResult[]): string {
  const lines: string[] = [];
  for (const { file, findings } of results) {
    const path = file.split('\\').join('/');
    for (const f of findings) {
      if (f.severity === 'hint') continue;
      const { start, end } = f.range;
      const props: Array<[string, string | number]> = [
        ['file', path],
        ['line', start.line + 1],
        ['col', start.character + 1],
        ['endLine', end.line + 1],
        // GitHub reads columns of a multi-line annotation as meaningless: give the end column only on one line.
        ...(end.line === start.line ? [['endColumn', end.character + 1] as [string, number]] : []),
        ['title', f.rule],
      ];
      const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
      lines.push(`::${COMMAND[f.severity]} ${list}::${escapeData(f.message)}`);
    }
  }
  return lines.join('\n');
}
