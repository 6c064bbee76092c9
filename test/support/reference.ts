import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** `../shared/reference`, whose files the tests read in place. */
const REFERENCE_ROOT = join(__dirname, '..', '..', '..', 'shared', 'reference');

/** The reference SEPs' folder. */
export const REFERENCE_DIR = join(REFERENCE_ROOT, 'seps');

/** One reference file: its name in its folder, and its text. */
export interface RefSep {
  fileName: string;
  text: string;
}

/**
 * The files of a reference folder whose names `keep` accepts, sorted by name; or undefined after skipping the test
 * (failing it under CI=true) when the folder is absent. `what` names them in those messages.
 */
export function referenceFiles(t: { skip(msg: string): void }, dir: string, what: string, keep: (fileName: string) => boolean): RefSep[] | undefined {
  if (!existsSync(dir)) {
    if (process.env.CI === 'true') throw new Error(`${what} missing at ${dir} (required under CI=true)`);
    t.skip(`${what} missing at ${dir}`);
    return undefined;
  }
  return readdirSync(dir)
    .filter(keep)
    .sort()
    .map((fileName) => ({ fileName, text: readFileSync(join(dir, fileName), 'utf8') }));
}

/** Every Markdown file of the reference SEPs' folder, its README and TEMPLATE too (see {@link referenceFiles}). */
export function referenceMarkdown(t: { skip(msg: string): void }): RefSep[] | undefined {
  return referenceFiles(t, REFERENCE_DIR, 'reference SEPs', (f) => f.endsWith('.md'));
}

/** The reference SEPs themselves, without the folder's README and TEMPLATE. */
export function referenceSeps(t: { skip(msg: string): void }): RefSep[] | undefined {
  return referenceMarkdown(t)?.filter((s) => s.fileName !== 'README.md' && s.fileName !== 'TEMPLATE.md');
}

/** The real conformance traceability files (`sep-<number>.yaml`). */
export function referenceTraceFiles(t: { skip(msg: string): void }): RefSep[] | undefined {
  return referenceFiles(t, join(REFERENCE_ROOT, 'conformance'), 'reference traceability files', (f) => /^sep-\d+\.yaml$/.test(f));
}
