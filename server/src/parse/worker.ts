import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Root } from 'mdast';
import { ParseStopped, type RemoteParser } from './budget';

/** What the parse worker answers: the tree, or why it could not make one. */
export type WorkerReply = { root: Root } | { error: string };

/** What the parse worker is started with. */
export interface WorkerSetup {
  /** Marks a parse worker: the server bundle it runs serves no LSP then (main.ts). */
  parseWorker: true;
  port: MessagePort;
  /** One Int32: the worker sets it to 1 and notifies once its reply is on the port. */
  signal: SharedArrayBuffer;
}

/**
 * Parses Markdown in a worker thread, synchronously for the caller: the
 * request is posted, the calling thread waits on a shared flag for at most
 * the time left, then takes the reply off the port. A parse still running
 * when the time is up is stopped by terminating the worker; the next parse
 * starts a new one. The worker starts on first use: real SEPs rarely need it.
 */
export class ParseWorker implements RemoteParser {
  private worker?: Worker;
  private port?: MessagePort;
  private flag = new Int32Array(new SharedArrayBuffer(4));
  /** Workers started, for tests. */
  started = 0;

  constructor(private readonly script: string) {}

  parse(text: string, timeoutMs: number): Root {
    const port = this.start();
    Atomics.store(this.flag, 0, 0);
    port.postMessage(text);
    if (Atomics.wait(this.flag, 0, 0, Math.max(1, timeoutMs)) === 'timed-out') {
      this.stop();
      throw new ParseStopped();
    }
    const reply = receiveMessageOnPort(port)?.message as WorkerReply | undefined;
    if (!reply || 'error' in reply) throw new Error(`the parse worker failed: ${reply?.error ?? 'no reply'}`);
    return reply.root;
  }

  /** Stops the worker, if one runs. */
  stop(): void {
    void this.worker?.terminate();
    this.port?.close();
    this.worker = undefined;
    this.port = undefined;
  }

  private start(): MessagePort {
    if (this.port && this.worker) return this.port;
    const { port1, port2 } = new MessageChannel();
    const setup: WorkerSetup = { parseWorker: true, port: port2, signal: this.flag.buffer as SharedArrayBuffer };
    const worker = new Worker(this.script, { workerData: setup, transferList: [port2] });
    worker.unref();
    worker.on('error', () => this.stop());
    this.worker = worker;
    this.port = port1;
    this.started++;
    return port1;
  }
}

/**
 * A parse worker on the server bundle in `dir` (dist/server.js, which runs the worker loop when started in a
 * worker thread), or undefined when running from sources (tests).
 */
export function bundledParseWorker(dir: string): ParseWorker | undefined {
  const script = join(dir, 'server.js');
  return existsSync(script) ? new ParseWorker(script) : undefined;
}
