import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where `npm run build` writes the bundles (the tests' `pretest` builds them). */
export const DIST = join(__dirname, '..', '..', 'dist');

/** The text of a built bundle, by its path under dist/; fails the test, saying what to run, when it is missing. */
export function builtBundle(name: string): string {
  const file = join(DIST, name);
  assert.ok(existsSync(file), `${file} is missing: run npm run build`);
  return readFileSync(file, 'utf8');
}
