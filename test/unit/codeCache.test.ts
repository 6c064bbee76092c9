import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The built server (`npm test` builds first): dist/server.js loads dist/server-main.js with the cache the build wrote.
const DIST = join(__dirname, '..', '..', 'dist');

function check(dir: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(process.execPath, [join(dir, 'server.js'), '--check-code-cache'], { encoding: 'utf8', env: { ...process.env, ...env } }).trim();
}

/** A copy of the built server in a folder of its own, so a test can damage it. */
function copyOfDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sep-code-cache-'));
  for (const f of ['server.js', 'server-main.js', 'server-main.v8cache']) copyFileSync(join(DIST, f), join(dir, f));
  return dir;
}

describe('the server code cache', () => {
  test('the build writes a cache that this Node accepts', () => {
    assert.equal(check(DIST), 'accepted');
  });

  test('SEP_CODE_CACHE=off compiles from source', () => {
    assert.equal(check(DIST, { SEP_CODE_CACHE: 'off' }), 'off');
  });

  test('a bundle changed after the build, even to the same length, is compiled from source', () => {
    const dir = copyOfDist();
    const main = join(dir, 'server-main.js');
    const source = readFileSync(main, 'utf8');
    const changed = source.replace('"sep-language-server"', '"sep-language-servex"');
    assert.notEqual(changed, source, 'the bundle no longer holds the text this test changes');
    assert.equal(changed.length, source.length);
    writeFileSync(main, changed);
    assert.equal(check(dir), 'rejected');
  });

  test('a cache made by another V8 or with other flags is refused by V8, and the server still starts', () => {
    const dir = copyOfDist();
    const cache = join(dir, 'server-main.v8cache');
    const data = readFileSync(cache);
    // Keep the checksum (the first 4 bytes), so that only V8's own check can refuse it.
    writeFileSync(cache, Buffer.concat([data.subarray(0, 4), Buffer.alloc(data.length - 4, 7)]));
    assert.equal(check(dir), 'rejected');
  });

  test('an empty cache file is refused, and a missing one is reported as missing', () => {
    const dir = copyOfDist();
    const cache = join(dir, 'server-main.v8cache');
    writeFileSync(cache, '');
    assert.equal(check(dir), 'rejected');
    rmSync(cache);
    assert.equal(check(dir), 'missing');
  });
});
