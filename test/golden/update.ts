/**
 * `npm run golden:update`: rewrites test/golden/expected.json from the
 * engine's current output over the reference SEPs. The table is a record of
 * findings a person reviewed: after running this, read `git diff
 * test/golden/expected.json` finding by finding, and add a line to
 * test/golden/REVIEW.md for every new Error saying why it is a real defect of
 * that SEP (the golden test fails until you do).
 */
import { writeFileSync } from 'node:fs';
import { EXPECTED_FILE, SEPS_DIR, corpusPresent, currentTable } from './golden';

if (!corpusPresent()) {
  process.stderr.write(`golden:update: ${SEPS_DIR} is missing; nothing to update.\n`);
  process.exit(2);
}
const table = currentTable();
writeFileSync(EXPECTED_FILE, `${JSON.stringify(table, null, 2)}\n`);
const n = Object.values(table).reduce((a, l) => a + l.length, 0);
process.stdout.write(`golden:update: wrote ${n} findings over ${Object.keys(table).length} SEPs to ${EXPECTED_FILE}.\nReview the diff by hand: git diff test/golden/expected.json\n`);
