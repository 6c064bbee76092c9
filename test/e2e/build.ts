/**
 * Builds what the integration suite needs, into `.cache/e2e/`:
 *  - `suite/`: the mocha suite bundled for an extension host (index.js + one *.test.js per test file; `vscode` external);
 *  - `runner/`: the test-runner extension for code-server, with the suites inside it (`suite/` and the extra ones), and its .vsix.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** Where the e2e build output goes (inside the clone, git-ignored). */
export const E2E_CACHE = join(ROOT, '.cache', 'e2e');

const common: esbuild.BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  external: ['vscode'],
  logLevel: 'warning',
};

/** The extra suites, each run in its own code-server window (see scenarios.ts): folder name under test/e2e/. */
export const EXTRA_SUITES = ['suite-multi', 'suite-empty', 'suite-bench', 'suite-web', 'suite-open'] as const;

/**
 * Bundles a suite into `outDir` and returns it: the entry `index.js` (test/e2e/suite/index.ts, which loads every
 * `*.test.js` beside it) and the `*.test.ts` files of `test/e2e/<name>/`.
 */
export async function buildSuite(outDir = join(E2E_CACHE, 'suite'), name = 'suite'): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  const suiteSrc = join(ROOT, 'test', 'e2e', name);
  const entryPoints: Record<string, string> = { index: join(ROOT, 'test', 'e2e', 'suite', 'index.ts') };
  for (const f of readdirSync(suiteSrc).filter((f) => f.endsWith('.test.ts'))) entryPoints[f.slice(0, -3)] = join(suiteSrc, f);
  await esbuild.build({
    ...common,
    entryPoints,
    outdir: outDir,
    // mocha's parallel mode resolves worker files at run time; the suite runs serially and never loads them.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return outDir;
}

function run(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
}

/** Packages our extension in production mode, as `npm run package` does; returns the .vsix path. */
export function packageExtension(): string {
  const out = join(E2E_CACHE, 'sep-authoring.vsix');
  mkdirSync(E2E_CACHE, { recursive: true });
  run(process.execPath, ['esbuild.mjs', '--production'], ROOT);
  run(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out], ROOT);
  return out;
}

/**
 * SEP Authoring as a web extension only: the production build packaged with its `browser` entry and no `main`, so
 * code-server runs it in its Web Worker extension host. Call after {@link packageExtension} (which builds dist/).
 */
export function packageWebOnly(): string {
  const dir = join(E2E_CACHE, 'web-only');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.main;
  delete manifest.bin;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const f of ['README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'dist/web', 'docs/rules', 'syntaxes', 'snippets', 'media']) {
    cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  }
  const out = join(E2E_CACHE, 'sep-authoring-web.vsix');
  run(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out], dir);
  return out;
}

/**
 * Builds the runner extension with the suite inside and packages it; returns the .vsix path.
 * @param standalone without its dependency on SEP Authoring, so that SEP Authoring activates only on its own
 * events (the in-editor benchmark times that activation)
 */
export async function buildRunner(standalone = false): Promise<string> {
  const dir = join(E2E_CACHE, standalone ? 'runner-standalone' : 'runner');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const src = join(ROOT, 'test', 'e2e', 'runner');
  const manifest = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8')) as Record<string, unknown>;
  if (standalone) delete manifest.extensionDependencies;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'README.md'), '# SEP Authoring e2e runner\n\nTest tooling built by `npm run test:e2e`.\n');
  writeFileSync(join(dir, '.vscodeignore'), '**\n!package.json\n!README.md\n!dist/**\n!suite/**\n!suite-*/**\n');
  await esbuild.build({ ...common, entryPoints: [join(src, 'extension.ts')], outfile: join(dir, 'dist', 'runner.js') });
  await buildSuite(join(dir, 'suite'));
  for (const name of EXTRA_SUITES) await buildSuite(join(dir, name), name);
  const out = join(E2E_CACHE, standalone ? 'sep-e2e-runner-standalone.vsix' : 'sep-e2e-runner.vsix');
  run(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--skip-license',
    '--allow-missing-repository', '--out', out], dir);
  return out;
}
