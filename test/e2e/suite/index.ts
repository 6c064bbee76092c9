/**
 * Entry of the integration suite inside a VS Code extension host. Both hosts call {@link run}:
 * @vscode/test-electron through `extensionTestsPath`, code-server through the test-runner extension.
 * It loads every `*.test.js` bundled beside it into mocha and, when `SEP_E2E_RESULT` names a file,
 * writes each test's full title and state there as JSON (see {@link SuiteResult}).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** One test as the result file records it. */
export interface TestResult {
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

/** The result file's content. */
export interface SuiteResult {
  startedAt: string;
  finishedAt: string;
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
}

/** Runs the suite; resolves with the results, and rejects (for test-electron's exit code) when a test failed. */
export async function run(): Promise<SuiteResult> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  const startedAt = new Date().toISOString();
  const tests: TestResult[] = [];
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (t) => tests.push({ fullTitle: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('pending', (t) => tests.push({ fullTitle: t.fullTitle(), state: 'pending' }));
    runner.on('fail', (t, err: Error) =>
      tests.push({ fullTitle: t.fullTitle(), state: 'failed', error: err?.stack ?? String(err) }),
    );
  });
  const result: SuiteResult = {
    startedAt,
    finishedAt: new Date().toISOString(),
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    tests,
  };
  const out = process.env.SEP_E2E_RESULT;
  if (out) writeFileSync(out, JSON.stringify(result, null, 2));
  if (result.failed > 0) throw new Error(`${result.failed} of ${tests.length} integration tests failed`);
  return result;
}
