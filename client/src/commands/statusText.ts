/**
 * The status bar item's words, kept free of vscode so they are unit-tested:
 * the SEP's Status as written and how many problems the editor shows for it.
 */

/** Problems on one SEP, by severity. */
export interface ProblemCounts {
  errors: number;
  warnings: number;
  /** Information (hints are not counted, as in the Problems panel). */
  other: number;
}

const MAX_STATUS = 24;

/** `SEP: Draft · 3 problems`; the Status is `no status` when the header has none. */
export function statusBarText(status: string | undefined, counts: ProblemCounts): string {
  const total = counts.errors + counts.warnings + counts.other;
  const problems = total === 0 ? 'no problems' : `${total} problem${total === 1 ? '' : 's'}`;
  return `SEP: ${shown(status)} · ${problems}`;
}

/** Tooltip: the Status, the counts by severity and what a click does. */
export function statusBarTooltip(status: string | undefined, counts: ProblemCounts): string {
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  return [
    `Status: ${status?.trim() || 'none (add a Status field to the header)'}`,
    `${n(counts.errors, 'error')}, ${n(counts.warnings, 'warning')}, ${counts.other} other`,
    'Click to open the Problems panel.',
  ].join('\n');
}

/** The Status as it may appear in the status bar: one line, short, no `$(icon)` syntax from the document. */
function shown(status: string | undefined): string {
  const s = (status ?? '').replace(/\s+/g, ' ').trim().replace(/\$\(/g, '$\u200b(');
  if (!s) return 'no status';
  return s.length > MAX_STATUS ? `${s.slice(0, MAX_STATUS - 1)}…` : s;
}
