import { workerData } from 'node:worker_threads';
import { parseSlice } from '../sep/markdown';
import type { WorkerReply, WorkerSetup } from './worker';

/** The parse worker (dist/parse-worker.js): Markdown in, tree out, one at a time; see worker.ts. */
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
