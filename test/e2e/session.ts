/**
 * Pieces every code-server window of the e2e run shares: Chromium's flags, and waiting for a suite's result file
 * (a runner error or a timeout becomes a failed entry, never a hang).
 */
import { existsSync, readFileSync, watch } from 'node:fs';
import { dirname } from 'node:path';
import type { SuiteResult } from './suite/index';

/** How long one window may take to run its suite. */
export const SUITE_TIMEOUT_MS = Number(process.env.SEP_E2E_SUITE_TIMEOUT_MS ?? 6 * 60_000);

/** Flags for Chromium on a machine with no network but loopback; Playwright gives each launch a fresh profile. */
export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Resolves with the parsed JSON in `file` once it exists, watching its folder; rejects after `ms`. */
export function waitForJsonFile<T>(file: string, ms: number, abort: Promise<never>): Promise<T> {
  return new Promise<T>((resolvePromise, reject) => {
    const read = (): boolean => {
      if (!existsSync(file)) return false;
      try {
        resolvePromise(JSON.parse(readFileSync(file, 'utf8')) as T);
        return true;
      } catch {
        return false; // written partly; the next change event reads it again
      }
    };
    const watcher = watch(dirname(file), () => {
      if (read()) done();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no result file after ${ms / 1000} s (see test-output/e2e/logs)`));
    }, ms);
    const done = (): void => {
      watcher.close();
      clearTimeout(timer);
    };
    abort.catch((err) => {
      done();
      reject(err);
    });
    if (read()) done();
  });
}

/** Waits for the suite's result file; a runner error or a timeout becomes a failed entry, never a hang. */
export async function suiteResult(resultFile: string, serverDied: Promise<never>): Promise<SuiteResult | undefined> {
  try {
    const result = await waitForJsonFile<SuiteResult & { runnerError?: string }>(resultFile, SUITE_TIMEOUT_MS, serverDied);
    if (result.runnerError) result.tests.push({ fullTitle: 'test runner started the suite', state: 'failed', error: result.runnerError });
    return result;
  } catch (err) {
    console.error(`[e2e] ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}
