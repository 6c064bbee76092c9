/**
 * `npm run test:vscode`: the same integration suite in desktop VS Code through @vscode/test-electron, for machines
 * that can download VS Code (this project's CI cannot; it runs the suite in code-server with `npm run test:e2e`).
 * The suite is bundled into `.cache/e2e/suite`, inside our extension's folder, so the tests share the extension's
 * `vscode` API object and their prompt stubs reach its commands.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { FakeGitHub } from '../support/fakeGitHub';
import { buildSuite, ROOT } from './build';
import type { SuiteResult } from './suite/index';

async function main(): Promise<number> {
  // The extension under development runs from dist/ (dev build, with source maps).
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const suiteDir = await buildSuite();
  const tmp = mkdtempSync(join(tmpdir(), 'sep-vscode-'));
  const workspace = join(tmp, 'workspace');
  const userDataDir = join(tmp, 'user-data');
  mkdirSync(join(workspace, 'seps'), { recursive: true });
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const fake = await FakeGitHub.start();
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false,
    'sep.github.apiUrl': fake.url,
    'sep.github.repository': `${fake.repo.owner}/${fake.repo.repo}`,
  }, null, 2));
  const resultFile = join(tmp, 'result.json');
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(suiteDir, 'index.js'),
      extensionTestsEnv: { SEP_E2E_RESULT: resultFile, SEP_REFERENCE_DIR: resolve(ROOT, '..', 'shared', 'reference') },
      launchArgs: [workspace, '--user-data-dir', userDataDir, '--disable-extensions', '--disable-workspace-trust'],
    });
  } catch (err) {
    console.error(`[test:vscode] ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await fake.close();
  }
  let result: SuiteResult | undefined;
  try {
    result = JSON.parse(readFileSync(resultFile, 'utf8')) as SuiteResult;
  } catch {
    console.error('[test:vscode] the suite wrote no result file');
  }
  rmSync(tmp, { recursive: true, force: true });
  for (const t of result?.tests ?? []) console.log(`  ${t.state.toUpperCase()}  ${t.fullTitle}`);
  console.log(`vscode: ${result?.passed ?? 0} passed, ${result ? result.failed : 1} failed`);
  return result && result.failed === 0 && result.passed > 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err);
  process.exit(1);
});
