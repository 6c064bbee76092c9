import { workerData } from 'node:worker_threads';
import { parseSlice } from '../sep/markdown';
import type { WorkerReply, WorkerSetup } from './worker';

/**
 * The parse worker's loop: Markdown in, tree out, one at a time (see worker.ts). It runs in a worker thread
 * started on the server bundle itself (dist/server.js, main.ts), so the package holds no second copy of
 * the parser.
 */
export function runParseWorker(): void {
  const { port, signal } = workerData as WorkerSetup;
  const flag = new Int32Array(signal);
  port.on('message', (text: string) => {
    let reply: WorkerReply;
    try {
      reply = { root: parseSlice(text) };
    } catch (err) {
      reply = { error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
}

/** Whether this thread was started as a parse worker (worker.ts marks its workerData). */
export function isParseWorker(): boolean {
  return Boolean((workerData as Partial<WorkerSetup> | null)?.parseWorker);
}
