/**
 * `npm run test:e2e`: the integration suite and a UI check in a real VS Code (code-server) driven by headless
 * Chromium. Builds the .vsix, installs code-server into `.cache/code-server` (reused when present), installs our
 * .vsix and the test-runner extension into a temporary profile, serves a temporary workspace on 127.0.0.1, waits
 * for the suite's result file, then clicks through the UI (screenshots in test-output/e2e/). Then opens one more
 * window per extra scenario (scenarios.ts: a multi-root workspace, no folder) running its own small suite.
 * Prints every test with its state and exits non-zero unless all passed and each suite ran at least one.
 * Last, two windows whose runner does not depend on SEP Authoring: a SEP opened before the extension starts
 * (scenarios.ts OPEN_SCENARIO), and SEP Authoring installed as a web extension only (WEB_SCENARIO).
 * `SEP_E2E_ONLY=standalone` runs those two windows alone.
 * `SEP_E2E_UPDATE_SCREENSHOTS=1` also copies the README's screenshots from a passing run into media/screenshots/.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { FakeGitHub } from '../support/fakeGitHub';
import { buildRunner, packageExtension, packageWebOnly, ROOT } from './build';
import { ensureCodeServer, type CodeServerInstall } from './codeServer';
import { installExtensions, startCodeServer, type RunningCodeServer } from './codeServerProcess';
import type { SuiteResult, TestResult } from './suite/index';
import { runUiChecks } from './ui';
import { EXTRA_SCENARIOS, OPEN_SCENARIO, runExtraScenario, WEB_SCENARIO, WEB_SCENARIO_ENV } from './scenarios';
import { BROWSER_ARGS, suiteResult } from './session';

const OUT = join(ROOT, 'test-output', 'e2e');
const step = (what: string): void => console.log(`\n[e2e] ${what}`);

function userSettings(fake: FakeGitHub): Record<string, unknown> {
  return {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'git.enabled': false,
    // Desktop VS Code's default. In the browser VS Code saves after a delay by default, and that save can race
    // Set PR Number's text-edit-then-rename and bring the old 0000 file back (seen here 2 runs in 7).
    'files.autoSave': 'off',
    'sep.github.apiUrl': fake.url,
    'sep.github.repository': `${fake.repo.owner}/${fake.repo.repo}`,
  };
}

/** The screenshots the README shows (media/screenshots/, not packaged into the .vsix), from this run's output. */
const README_SCREENSHOTS: Record<string, string> = {
  '02-quick-fix.png': 'quick-fix.png',
  '04-sidebar.png': 'sidebar.png',
  '07-new-sep.png': 'new-sep.png',
};

function updateReadmeScreenshots(): void {
  const dir = join(ROOT, 'media', 'screenshots');
  mkdirSync(dir, { recursive: true });
  for (const [from, to] of Object.entries(README_SCREENSHOTS)) cpSync(join(OUT, from), join(dir, to));
  console.log(`README screenshots updated in ${dir}`);
}

/** One window's suite: the main one (no label) or an extra scenario's (its label prefixes each title). */
interface LabelledSuite {
  label?: string;
  result?: SuiteResult;
}

function printResults(suites: LabelledSuite[], ui: TestResult[]): { passed: number; failed: number; skipped: number } {
  const all: TestResult[] = [];
  for (const { label, result } of suites) {
    const prefix = label ? `[${label}] ` : '';
    all.push(...(result?.tests ?? []).map((t) => ({ ...t, fullTitle: prefix + t.fullTitle })));
    if (!result?.tests.length) all.push({ fullTitle: `${prefix}the integration suite reported no tests`, state: 'failed' });
  }
  all.push(...ui);
  const mark = { passed: 'PASS', failed: 'FAIL', pending: 'SKIP' } as const;
  console.log('\n[e2e] results');
  for (const t of all) {
    console.log(`  ${mark[t.state]}  ${t.fullTitle}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}`);
    if (t.error) console.log(t.error.split('\n').slice(0, 12).map((l) => `          ${l}`).join('\n'));
  }
  const count = (state: TestResult['state']): number => all.filter((t) => t.state === state).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('pending') };
}

/** Runs each extra window (multi-root workspace, no folder) in turn; a window that breaks is a failed result. */
async function runExtraScenarios(cs: CodeServerInstall, vsixFiles: string[], settings: Record<string, unknown>): Promise<LabelledSuite[]> {
  const suites: LabelledSuite[] = [];
  for (const scenario of EXTRA_SCENARIOS) {
    step(`extra window: ${scenario.label} (suite test/e2e/${scenario.suite}/)`);
    try {
      suites.push({ label: scenario.label, result: await runExtraScenario(cs, vsixFiles, scenario, settings, OUT) });
    } catch (err) {
      console.error(`[e2e] ${scenario.label}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      suites.push({ label: scenario.label });
    }
  }
  return suites;
}

/**
 * The windows whose runner does not depend on SEP Authoring, so that nothing starts it before the suite does: a SEP
 * opened before our extension starts (the desktop package), and the web extension (its own package, browser entry
 * only).
 */
async function runStandaloneScenarios(cs: CodeServerInstall, extension: string, settings: Record<string, unknown>): Promise<LabelledSuite[]> {
  let built: Promise<string> | undefined;
  const runner = (): Promise<string> => (built ??= buildRunner(true));
  // Packaged in each window's try: a package that cannot be built fails that window, with its reason.
  const windows = [
    { scenario: OPEN_SCENARIO, packages: async () => [extension, await runner()], env: {} },
    { scenario: WEB_SCENARIO, packages: async () => [packageWebOnly(), await runner()], env: WEB_SCENARIO_ENV },
  ];
  const suites: LabelledSuite[] = [];
  for (const { scenario, packages, env } of windows) {
    step(`extra window: ${scenario.label} (suite test/e2e/${scenario.suite}/)`);
    try {
      suites.push({ label: scenario.label, result: await runExtraScenario(cs, await packages(), scenario, settings, OUT, env) });
    } catch (err) {
      console.error(`[e2e] ${scenario.label}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      suites.push({ label: scenario.label });
    }
  }
  return suites;
}

/** The temporary profile, workspace and result file of one run. */
interface Session {
  tmp: string;
  dirs: { userDataDir: string; extensionsDir: string };
  workspace: string;
  resultFile: string;
}

function newSession(): Session {
  const tmp = mkdtempSync(join(tmpdir(), 'sep-e2e-'));
  const session = {
    tmp,
    dirs: { userDataDir: join(tmp, 'user-data'), extensionsDir: join(tmp, 'extensions') },
    workspace: join(tmp, 'workspace'),
    resultFile: join(tmp, 'result.json'),
  };
  mkdirSync(join(session.workspace, 'seps'), { recursive: true });
  mkdirSync(join(session.dirs.userDataDir, 'User'), { recursive: true });
  return session;
}

/** Opens code-server in headless Chromium, waits for the suite, then runs the UI check in a reloaded window. */
async function inBrowser(server: RunningCodeServer, session: Session, fake: FakeGitHub): Promise<{ suite?: SuiteResult; ui: TestResult[] }> {
  const serverDied = new Promise<never>((_, reject) =>
    server.process.once('exit', (code) => reject(new Error(`code-server exited (${code}) during the run`))),
  );
  serverDied.catch(() => undefined);
  step(`opening ${server.url} in headless Chromium`);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: BROWSER_ARGS });
  const browserLog: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    page.on('console', (m) => browserLog.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => browserLog.push(`[pageerror] ${e.message}`));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(session.workspace)}`);
    step('waiting for the integration suite (runs in the extension host)');
    const suite = await suiteResult(session.resultFile, serverDied);
    await page.screenshot({ path: join(OUT, '00-after-suite.png') });
    step('UI check through the browser (after a reload: a fresh window and extension host)');
    await page.reload();
    return { suite, ui: await runUiChecks(page, { workspace: session.workspace, outDir: OUT, fake }) };
  } finally {
    writeFileSync(join(OUT, 'browser.log'), browserLog.join('\n'));
    await browser.close().catch(() => undefined);
  }
}

/** Keeps the host's logs and the result file in test-output/e2e, then removes the temporary folder. */
function keepArtifacts(session: Session): void {
  const logs = join(session.dirs.userDataDir, 'logs');
  if (existsSync(logs)) cpSync(logs, join(OUT, 'logs'), { recursive: true });
  if (existsSync(session.resultFile)) cpSync(session.resultFile, join(OUT, 'result.json'));
  rmSync(session.tmp, { recursive: true, force: true });
}

async function main(): Promise<number> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  step('packaging the extension and the test runner');
  const vsixFiles = [packageExtension(), await buildRunner()];
  step('code-server (cached in .cache/code-server)');
  const cs = ensureCodeServer(join(ROOT, '.cache', 'code-server'));
  if (process.env.SEP_E2E_ONLY === 'standalone') {
    const fake = await FakeGitHub.start();
    try {
      const { passed, failed } = printResults(await runStandaloneScenarios(cs, vsixFiles[0], userSettings(fake)), []);
      console.log(`e2e: ${passed} passed, ${failed} failed`);
      return failed === 0 && passed > 0 ? 0 : 1;
    } finally {
      await fake.close();
    }
  }
  const session = newSession();
  step('installing our .vsix and the runner into a temporary profile');
  installExtensions(cs, session.dirs, vsixFiles);
  const fake = await FakeGitHub.start();
  writeFileSync(join(session.dirs.userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings(fake), null, 2));
  let server: RunningCodeServer | undefined;
  let outcome: { suite?: SuiteResult; ui: TestResult[] } = { ui: [] };
  let extra: LabelledSuite[] = [];
  try {
    step('starting code-server');
    server = await startCodeServer(cs, {
      ...session.dirs,
      configDir: join(session.tmp, 'config'),
      logFile: join(OUT, 'code-server.log'),
      env: { SEP_E2E_RESULT: session.resultFile, SEP_REFERENCE_DIR: resolve(ROOT, '..', 'shared', 'reference') },
    });
    outcome = await inBrowser(server, session, fake);
    await server.stop();
    extra = await runExtraScenarios(cs, vsixFiles, userSettings(fake));
    extra.push(...(await runStandaloneScenarios(cs, vsixFiles[0], userSettings(fake))));
  } finally {
    await server?.stop();
    await fake.close();
    keepArtifacts(session);
  }
  const { passed, failed, skipped } = printResults([{ result: outcome.suite }, ...extra], outcome.ui);
  console.log(`\nScreenshots and logs: ${OUT}`);
  if (process.env.SEP_E2E_UPDATE_SCREENSHOTS === '1' && failed === 0) updateReadmeScreenshots();
  console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[e2e] ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);
