/**
 * The language server is the one SEP analyser: the extension host never parses or lints a SEP. Checked on what
 * esbuild actually bundles into dist/extension.js, and on the client's imports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = join(__dirname, '..', '..');

test('the extension bundle holds no Markdown parser and none of the engine\'s parsing, rules or fixes', async () => {
  const result = await esbuild.build({
    entryPoints: [join(root, 'client', 'src', 'extension.ts')],
    bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], write: false, metafile: true, logLevel: 'silent', outdir: join(root, 'dist-test'),
  });
  const inputs = Object.keys(result.metafile.inputs);
  const parser = inputs.filter((i) => /node_modules\/(micromark|mdast-|remark-|unified|unist-)/.test(i));
  assert.deepEqual(parser, [], 'a Markdown parser in the extension host');
  const engine = inputs.filter((i) => /server\/src\/(sep\/(parse|markdown|lint|blocks|header|mdast)\.ts|analysis\.ts|server\.ts)$/.test(i));
  assert.deepEqual(engine, [], 'the engine\'s analysis in the extension host');
});

test('no client file imports the language server\'s code', () => {
  const dir = join(root, 'client', 'src');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length > 10, `client sources found in ${dir}`);
  const imports = files.flatMap((f) =>
    [...readFileSync(join(dir, f), 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']*)'/g)]
      .map((m) => m[1])
      .filter((spec) => /(^|\/)server\//.test(spec))
      .map((spec) => `${f}: ${spec}`),
  );
  assert.deepEqual(imports, []);
});

test('what the extension shares with the server comes from common/, which imports nothing from server/ or client/', () => {
  const dir = join(root, 'common');
  const imports = readdirSync(dir).filter((f) => f.endsWith('.ts')).flatMap((f) =>
    [...readFileSync(join(dir, f), 'utf8').matchAll(/from\s+'([^']*)'/g)]
      .map((m) => m[1])
      .filter((spec) => /(^|\/)(server|client)\//.test(spec))
      .map((spec) => `${f}: ${spec}`),
  );
  assert.deepEqual(imports, []);
});
