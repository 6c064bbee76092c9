/**
 * micromark in the server's bundles combines its syntax extensions once (server/src/parse/combineOnce.ts, put in
 * place by the `combineOnce` esbuild plugin): the same combination as the package's, made again only for other
 * extension objects, and the bundle's parser really uses it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { combineExtensions as combine } from 'micromark-util-combine-extensions';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { combineExtensions } from '../../server/src/parse/combineOnce';
import { combineOnce } from '../../esbuild.plugins.mjs';

const root = join(__dirname, '..', '..');

test('the kept combination equals the package\'s, and is made again only for other extension objects', () => {
  const table = gfmTable();
  const strike = gfmStrikethrough();
  const first = combineExtensions([table, strike]);
  assert.deepEqual(first, combine([table, strike]));
  // A new list of the same objects, as micromark makes on every parse.
  assert.equal(combineExtensions([table, strike]), first);
  const other = combineExtensions([table]);
  assert.notEqual(other, first);
  assert.deepEqual(other, combine([table]));
  // Another object, even one made the same way, is combined anew.
  const again = combineExtensions([table, gfmStrikethrough()]);
  assert.notEqual(again, first);
  assert.deepEqual(Object.keys(again).sort(), Object.keys(first).sort());
});

test('the engine\'s two sets of extensions, used in turn, are each combined once; the oldest of five is let go', () => {
  const [table, strike] = [gfmTable(), gfmStrikethrough()];
  const both = combineExtensions([table, strike]);
  const strikeOnly = combineExtensions([strike]);
  for (let i = 0; i < 3; i++) {
    assert.equal(combineExtensions([table, strike]), both);
    assert.equal(combineExtensions([strike]), strikeOnly);
  }
  // Three more sets: [strike] is the fourth most recent and kept, [table, strike] the fifth and combined again.
  for (let i = 0; i < 3; i++) combineExtensions([gfmTable()]);
  assert.equal(combineExtensions([strike]), strikeOnly);
  const anew = combineExtensions([table, strike]);
  assert.notEqual(anew, both);
  assert.deepEqual(anew, both);
});

test('the server bundle\'s Markdown parser takes combineExtensions from combineOnce.ts', async () => {
  const result = await esbuild.build({
    entryPoints: [join(root, 'server', 'src', 'main.ts')],
    bundle: true, platform: 'node', format: 'cjs', write: false, metafile: true, logLevel: 'silent', outdir: join(root, 'dist-test'),
    plugins: [combineOnce],
  });
  const parser = Object.entries(result.metafile.inputs).find(([path]) => /node_modules\/micromark\/lib\/parse\.js$/.test(path));
  assert.ok(parser, 'micromark\'s parser is in the bundle');
  const imported = parser[1].imports.map((i) => i.path);
  assert.ok(imported.includes('server/src/parse/combineOnce.ts'), `micromark's parser imports ${imported.join(', ')}`);
  assert.ok(!imported.includes('node_modules/micromark-util-combine-extensions/index.js'));
});
