import type { Range } from '../types';
import type { TraceabilityFile } from './types';

/** Reports a finding of a traceability rule; `parseTraceability` applies the severity. */
export type Reporter = (rule: string, range: Range, message: string) => void;

/**
 * The row checks of a traceability file: every row has `text` and exactly one of `check` / `excluded`, check ids
 * are unique and start with `sep-<number>-`, `issue` and `url` are http(s) URLs. `sep` is the file's SEP number
 * (from `sep:`, else the file name), when known.
 */
export function checkRows(file: TraceabilityFile, sep: number | undefined, report: Reporter): void {
  const seen = new Map<string, number>();
  file.rows.forEach((row, i) => {
    const where = row.fields ?? {};
    const label = `Row ${i + 1}`;
    if (row.text === undefined || row.text.trim() === '') {
      report('trace-row-incomplete', where.text ?? row.range, `${label} has no \`text\`: quote the requirement it traces.`);
    }
    if (row.check === undefined && row.excluded === undefined) {
      report('trace-row-incomplete', row.range, `${label} has neither \`check\` nor \`excluded\`: name the check that tests it, or say why it is excluded.`);
    }
    if (row.check !== undefined && row.excluded !== undefined) {
      report('trace-row-ambiguous', where.excluded ?? row.range, `${label} has both \`check\` and \`excluded\`: a requirement is either tested or excluded.`);
    }
    if (row.check !== undefined) {
      const range = where.check ?? row.range;
      const first = seen.get(row.check);
      if (first !== undefined) report('trace-check-duplicate', range, `Check \`${row.check}\` is already used by row ${first + 1}.`);
      else seen.set(row.check, i);
      if (sep !== undefined && !row.check.startsWith(`sep-${sep}-`)) {
        report('trace-check-prefix', range, `Check \`${row.check}\` does not start with \`sep-${sep}-\`, the prefix of this SEP's checks.`);
      }
    }
    for (const key of ['issue', 'url'] as const) {
      const value = row[key];
      if (value !== undefined && !isHttpUrl(value)) report('trace-url-invalid', where[key] ?? row.range, `${label}'s \`${key}\` is not an http(s) URL.`);
    }
  });
}

/** Whether a string is an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return false;
  try {
    return Boolean(new URL(value).host);
  } catch {
    return false;
  }
}
