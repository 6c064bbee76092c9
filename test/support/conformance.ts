import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The real conformance traceability files, read in place at test time. */
export const CONFORMANCE_DIR = join(__dirname, '..', '..', '..', 'shared', 'reference', 'conformance');

export interface RefTraceFile {
  fileName: string;
  text: string;
}

/** The real `sep-*.yaml` files, or undefined after skipping the test (failing it under CI=true) when the folder is absent. */
export function referenceTraceFiles(t: { skip(msg: string): void }): RefTraceFile[] | undefined {
  if (!existsSync(CONFORMANCE_DIR)) {
    if (process.env.CI === 'true') throw new Error(`reference traceability files missing at ${CONFORMANCE_DIR} (required under CI=true)`);
    t.skip(`reference traceability files missing at ${CONFORMANCE_DIR}`);
    return undefined;
  }
  return readdirSync(CONFORMANCE_DIR)
    .filter((f) => /^sep-\d+\.yaml$/.test(f))
    .sort()
    .map((fileName) => ({ fileName, text: readFileSync(join(CONFORMANCE_DIR, fileName), 'utf8') }));
}
