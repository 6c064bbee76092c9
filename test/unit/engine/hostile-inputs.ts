import { lint } from '../../../server/src/sep/lint';
import { parseSep } from '../../../server/src/sep/parse';
import { fixAll, fixesFor } from '../../../server/src/sep/fixes';

export const TODAY = '2026-11-25';
export const FILE = '0042-hostile.md';

/** Characters and strings that patterns tend to loop over; each is repeated to build a long run. */
export const FILLS: readonly string[] = [
  ' ', '\t', '*', '-', '_', '[', ']', '(', ':', '#', '|', '`', '>', '<!--', '\u2028', '\u2029', '\r', '\r\n', 'a ', ' -', '**', 'SEP-1 ', '@a',
];


/**
 * Places where a long run lands in a SEP: `F` is the run; what follows it is
 * a character the surrounding pattern does not expect, so a backtracking
 * matcher has to give up the whole run.
 */
export const PLACES: Record<string, (fill: string) => string> = {
  'title': (f) => `# SEP${f}a\u2028b\n`,
  'title after number': (f) => `# SEP-1:${f}\u2028\n`,
  'setext title': (f) => `SEP${f}a\rb\n===\n`,
  'title name': (f) => `# SEP-1: A${f}\n\n- **Status**: Draft\n`,
  'header value': (f) => `# SEP-1: T\n\n- **Status**: Draft${f}x\n- **Type**: Standards Track\n`,
  'header name': (f) => `# SEP-1: T\n\n- **St${f}atus:\n`,
  'plain header line': (f) => `# SEP-1: T\n\nStatus${f}: Draft${f}\n`,
  'header table': (f) => `# SEP-1: T\n\n| Field | Value |\n| --- | --- |\n| **Status** | Draft${f}x |\n`,
  'pr field': (f) => `# SEP-1: T\n\n- **PR**: ${f}x#\n`,
  'authors field': (f) => `# SEP-1: T\n\n- **Author(s)**: A${f}<b${f}(@c${f}\n`,
  'sponsor field': (f) => `# SEP-1: T\n\n- **Sponsor**: @${f}x\n`,
  'created field': (f) => `# SEP-1: T\n\n- **Created**: 2026${f}-01\n`,
  'heading': (f) => `# SEP-1: T\n\n## A${f}b\n\ntext\n`,
  'heading lead': (f) => `# SEP-1: T\n\n##${f}Abstract${f}:\n\ntext\n`,
  'prose': (f) => `# SEP-1: T\n\n## Abstract\n\nSEP${f}superseded by${f}x\n`,
  'comment': (f) => `# SEP-1: T\n\n<!-- sep-lint-disable${f}x\n`,
  'link': (f) => `# SEP-1: T\n\n## Abstract\n\n[a${f}](https://x${f}\n`,
  'list': (f) => `# SEP-1: T\n\n## Abstract\n\n- a${f}\n`,
  'alone': (f) => f,
};

/** The text of `place` with a run of `fill` about `size` characters long. */
export function hostile(place: string, fill: string, size: number): string {
  return PLACES[place](fill.repeat(Math.max(1, Math.floor(size / fill.length))));
}

/** A check of a document: parse, lint and every fix on offer for every finding. */
export function runCheck(text: string): void {
  const doc = parseSep(text, { fileName: FILE });
  const findings = lint(doc, { today: TODAY });
  for (const f of findings) fixesFor(f, { today: TODAY });
}

/** Everything the engine does with a document: a check, then fix-all. */
export function runEngine(text: string): void {
  runCheck(text);
  fixAll(text, { fileName: FILE, today: TODAY });
}

/**
 * The CPU time (user and system, every thread of this process) one call of `fn` takes, in milliseconds. CPU time,
 * not wall time: other processes on a shared machine (a CI job, a build) delay a call without adding work to it, and
 * these tests judge the work.
 */
function cpuMs(fn: () => void): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** Median CPU time of `runs` calls of `fn`, in milliseconds. */
export function medianMs(fn: () => void, runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(cpuMs(fn));
  return times.sort((a, b) => a - b)[runs >> 1];
}

/** Least CPU time of `runs` calls of `fn`, in milliseconds: the least disturbed by what else the machine runs. */
export function fastestMs(fn: () => void, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, cpuMs(fn));
  return best;
}

/**
 * Least wall time of `runs` calls of `fn`, in milliseconds: for a limit on how long a user waits. (CPU time would
 * also count the garbage collector's helper threads, which run beside the check, not after it.)
 */
export function fastestWallMs(fn: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
