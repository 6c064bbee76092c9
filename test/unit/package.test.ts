/**
 * Packages the extension the way `npm run package` does, in a scratch copy of the clone, and checks the .vsix:
 * at most 1 MB, only allowlisted files (dist/*.js, syntaxes, snippets, media/*.png, docs/rules/*.md, README, CHANGELOG, LICENSE,
 * package.json), and `vsce` printed no warning. Working in a copy keeps the dev build in dist/ untouched for the
 * tests that run beside this one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listZip, type ZipEntry } from '../support/zip';

const ROOT = resolve(import.meta.dirname, '../..');
const MAX_BYTES = 1024 * 1024;

/** Entries a .vsix may hold; vsce adds the two metadata files and renames README/CHANGELOG/LICENSE. */
const ALLOWED: RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/LICENSE(\.txt)?$/i,
  /^extension\/dist\/[^/]+\.js$/,
  /^extension\/dist\/web\/[^/]+\.js$/,
  /^extension\/syntaxes\/[^/]+\.json$/,
  /^extension\/snippets\/[^/]+\.json$/,
  /^extension\/media\/[^/]+\.png$/,
  /^extension\/docs\/rules\/[a-z0-9-]+\.md$/,
];

/** Entries outside the allowlist. */
function disallowed(entries: ZipEntry[]): string[] {
  return entries.map((e) => e.name).filter((name) => !ALLOWED.some((re) => re.test(name)));
}

describe('the allowlist check itself', () => {
  test('flags sources, maps, tests and node_modules; accepts the packaged files', () => {
    const e = (name: string): ZipEntry => ({ name, size: 1, compressedSize: 1 });
    const bad = ['extension/client/src/extension.ts', 'extension/dist/extension.js.map', 'extension/test/unit/a.test.ts',
      'extension/node_modules/x/index.js', 'extension/media/icon.svg', 'extension/tsconfig.json', 'extension/dist/web/server.js.map'];
    const good = ['[Content_Types].xml', 'extension.vsixmanifest', 'extension/package.json', 'extension/readme.md',
      'extension/LICENSE.txt', 'extension/dist/server.js', 'extension/dist/web/server.js', 'extension/snippets/sep.json', 'extension/media/icon.png'];
    assert.deepEqual(disallowed([...bad, ...good].map(e)), bad);
  });
});

describe('the packaged .vsix', () => {
  let work = '';
  let vsix = '';
  let vsceOutput = '';

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'sep-package-'));
    // Copy what a fresh clone holds (tracked and new, not ignored files), so stray sources would show up in the vsix.
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f && !f.startsWith('dist/'));
    for (const f of files) {
      try {
        cpSync(join(ROOT, f), join(work, f), { recursive: true });
      } catch (err) {
        // A file listed as tracked but deleted in the working tree is simply not part of this build.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: work, stdio: 'pipe' });
    vsix = join(work, 'out.vsix');
    const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], {
      cwd: work,
      encoding: 'utf8',
      input: '',
    });
    vsceOutput = `${r.stdout}\n${r.stderr}`;
    assert.equal(r.status, 0, `vsce package failed:\n${vsceOutput}`);
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('vsce packages without warnings', () => {
    assert.doesNotMatch(vsceOutput, /WARNING/i, vsceOutput);
  });

  test('is at most 1 MB', () => {
    const size = readFileSync(vsix).length;
    assert.ok(size <= MAX_BYTES, `vsix is ${size} bytes, over the ${MAX_BYTES}-byte budget`);
  });

  test('holds only allowlisted files', () => {
    const entries = listZip(readFileSync(vsix));
    assert.deepEqual(disallowed(entries), []);
  });

  test('holds the bundles, the manifest, the docs and the icon the manifest names', () => {
    const names = new Set(listZip(readFileSync(vsix)).map((e) => e.name));
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; browser: string; icon?: string };
    const expected = ['extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt',
      `extension/${manifest.main.replace(/^\.\//, '')}`, 'extension/dist/server.js', 'extension/dist/yaml.js',
      `extension/${manifest.browser.replace(/^\.\//, '')}`, 'extension/dist/web/server.js'];
    if (manifest.icon) expected.push(`extension/${manifest.icon}`);
    for (const name of expected) assert.ok(names.has(name), `${name} missing from the vsix: ${[...names].join(', ')}`);
  });

  test('ships production bundles (no source maps referenced)', () => {
    const dist = join(work, 'dist');
    for (const f of ['extension.js', 'server.js', 'web/extension.js', 'web/server.js']) {
      assert.doesNotMatch(readFileSync(join(dist, f), 'utf8'), /sourceMappingURL=/, `${f} still points at a source map`);
    }
  });
});
