import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint } from '../../server/src/sep/lint';
import { parseSep } from '../../server/src/sep/parse';
import type { Finding } from '../../server/src/sep/rules/types';

/**
 * The golden corpus: every merged SEP in ../shared/reference/seps (relative
 * to the repository root), read in place, linted with the full registry on a
 * fixed date. Shared by the golden test and `npm run golden:update`.
 */

export const ROOT = resolve(__dirname, '..', '..');
export const SEPS_DIR = resolve(ROOT, '..', 'shared', 'reference', 'seps');
export const EXPECTED_FILE = join(__dirname, 'expected.json');
export const REVIEW_FILE = join(__dirname, 'REVIEW.md');
export const TODAY = '2026-11-25';

/** Reviewed findings: file name → sorted `"<line>:<rule>"` (1-based line). */
export type Table = Record<string, string[]>;

export function corpusPresent(): boolean {
  return existsSync(SEPS_DIR);
}

/** The SEP files of the corpus (README.md and TEMPLATE.md are not SEPs). */
export function sepFiles(): string[] {
  return readdirSync(SEPS_DIR)
    .filter((f) => f.endsWith('.md') && f !== 'README.md' && f !== 'TEMPLATE.md')
    .sort();
}

export function findingsOf(file: string): Finding[] {
  const text = readFileSync(join(SEPS_DIR, file), 'utf8');
  return lint(parseSep(text, { fileName: file }), { today: TODAY });
}

export function key(f: Finding): string {
  return `${f.range.start.line + 1}:${f.rule}`;
}

export function sortKeys(keys: string[]): string[] {
  return [...keys].sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));
}

/** The table as the engine produces it now. */
export function currentTable(): Table {
  const table: Table = {};
  for (const file of sepFiles()) table[file] = sortKeys(findingsOf(file).map(key));
  return table;
}

export function readExpected(): Table {
  return JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as Table;
}
