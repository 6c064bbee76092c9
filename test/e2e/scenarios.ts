/**
 * The extra code-server windows of `npm run test:e2e`: the same runner extension, told by `SEP_E2E_SUITE` to run a
 * small suite that needs a differently opened window — a multi-root `.code-workspace` (test/e2e/suite-multi/) and
 * no folder at all (test/e2e/suite-empty/). Each window gets a fresh temporary profile; code-server is the one
 * already installed in .cache/code-server, so a window costs about a minute.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { CodeServerInstall } from './codeServer';
import { installExtensions, startCodeServer, type RunningCodeServer } from './codeServerProcess';
import { BROWSER_ARGS, suiteResult } from './session';
import type { SuiteResult } from './suite/index';

/** One extra window: which suite runs in it and how it is opened. */
export interface ExtraScenario {
  /** Shown before each of its results, e.g. `[multi-root workspace]`. */
  label: string;
  /** The bundled suite's folder name (build.ts EXTRA_SUITES). */
  suite: string;
  /** Prepares what the window opens inside `dir` and returns the URL query that opens it ('' for no folder). */
  open(dir: string): string;
  /** Runs once the extensions are installed in `extensionsDir`, before code-server starts. */
  installed?(extensionsDir: string): void;
}

/** The windows run after the main suite, in order. */
export const EXTRA_SCENARIOS: ExtraScenario[] = [
  {
    label: 'multi-root workspace',
    suite: 'suite-multi',
    open: (dir) => {
      // Three empty folders; the suite arranges which of them hold seps/ before each test.
      const names = ['alpha', 'beta', 'gamma'];
      for (const n of names) mkdirSync(join(dir, n), { recursive: true });
      const file = join(dir, 'sep-e2e.code-workspace');
      writeFileSync(file, JSON.stringify({ folders: names.map((path) => ({ path })) }, null, 2));
      return `?workspace=${encodeURIComponent(file)}`;
    },
  },
  { label: 'no folder', suite: 'suite-empty', open: () => '' },
];

/**
 * A window on a folder without `seps/`, with the runner without its dependency on SEP Authoring: nothing starts our
 * extension until the suite opens a SEP (test/e2e/suite-open/).
 */
export const OPEN_SCENARIO: ExtraScenario = {
  label: 'SEP opened before the extension starts',
  suite: 'suite-open',
  open: (dir) => {
    mkdirSync(dir, { recursive: true });
    return `?folder=${encodeURIComponent(dir)}`;
  },
};

/**
 * The web extension's window: SEP Authoring installed with only its `browser` entry (build.ts packageWebOnly) beside
 * the runner without its dependency on it, the suite run from the runner's own folder (SEP_E2E_IN_PLACE), no folder
 * open: the suite serves the SEP it checks from a `vscode-vfs:` file system of its own.
 */
export const WEB_SCENARIO: ExtraScenario = { label: 'web extension', suite: 'suite-web', open: () => '' };
/** The web window's environment: the runner runs the suite from its own folder. */
export const WEB_SCENARIO_ENV = { SEP_E2E_IN_PLACE: '1' };

/**
 * Runs one extra window to the end of its suite; artifacts go to `outDir/<suite>/`. Undefined when no result came.
 * `env` is added to code-server's environment (the extension host inherits it).
 */
export async function runExtraScenario(
  cs: CodeServerInstall,
  vsixFiles: string[],
  scenario: ExtraScenario,
  settings: Record<string, unknown>,
  outDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<SuiteResult | undefined> {
  const tmp = mkdtempSync(join(tmpdir(), `sep-e2e-${scenario.suite}-`));
  const out = join(outDir, scenario.suite);
  mkdirSync(out, { recursive: true });
  const dirs = { userDataDir: join(tmp, 'user-data'), extensionsDir: join(tmp, 'extensions') };
  mkdirSync(join(dirs.userDataDir, 'User'), { recursive: true });
  writeFileSync(join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const resultFile = join(tmp, 'result.json');
  let server: RunningCodeServer | undefined;
  try {
    installExtensions(cs, dirs, vsixFiles);
    scenario.installed?.(dirs.extensionsDir);
    const query = scenario.open(join(tmp, 'workspace'));
    server = await startCodeServer(cs, {
      ...dirs,
      configDir: join(tmp, 'config'),
      logFile: join(out, 'code-server.log'),
      env: { ...env, SEP_E2E_RESULT: resultFile, SEP_E2E_SUITE: scenario.suite },
    });
    return await inBrowser(server, `${server.url}/${query}`, resultFile, out);
  } finally {
    await server?.stop();
    const logs = join(dirs.userDataDir, 'logs');
    if (existsSync(logs)) cpSync(logs, join(out, 'logs'), { recursive: true });
    if (existsSync(resultFile)) cpSync(resultFile, join(out, 'result.json'));
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function inBrowser(server: RunningCodeServer, url: string, resultFile: string, out: string): Promise<SuiteResult | undefined> {
  const serverDied = new Promise<never>((_, reject) =>
    server.process.once('exit', (code) => reject(new Error(`code-server exited (${code}) during the run`))),
  );
  serverDied.catch(() => undefined);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: BROWSER_ARGS });
  // The browser's side of the window (the web worker extension host logs here).
  const browserLog: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    page.on('console', (m) => browserLog.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => browserLog.push(`[pageerror] ${e.message}`));
    await page.goto(url);
    const result = await suiteResult(resultFile, serverDied);
    await page.screenshot({ path: join(out, 'after-suite.png') });
    return result;
  } finally {
    writeFileSync(join(out, 'browser.log'), browserLog.join('\n'));
    await browser.close().catch(() => undefined);
  }
}
