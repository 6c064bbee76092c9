/**
 * The browser server bundle (dist/web/server.js) in a real Web Worker: a local 127.0.0.1 HTTP server serves the
 * bundle and a small page whose script starts the worker and speaks JSON-RPC to it over `postMessage`; headless
 * Chromium (playwright-core) opens the page, and the test drives the page's `lsp` object.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const WEB_SERVER_BUNDLE = join(__dirname, '..', '..', 'dist', 'web', 'server.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The page's driver: requests by id, answers every server request with null (the page declares no capability
 * that would make the server depend on an answer), and keeps notifications for the test to wait on.
 */
const PAGE = `<!doctype html><meta charset="utf-8"><title>SEP server in a worker</title><script>
const worker = new Worker('/server.js');
const pending = new Map();
const notifications = [];
const errors = [];
let nextId = 1;
worker.onerror = (e) => {
  errors.push(String(e.message || e));
  for (const settle of pending.values()) settle({ error: { code: -32603, message: 'the worker failed: ' + errors.join('; ') } });
  pending.clear();
};
worker.onmessage = ({ data: m }) => {
  if (m.id !== undefined && m.method === undefined) {
    const settle = pending.get(m.id);
    pending.delete(m.id);
    if (settle) settle(m);
  } else if (m.id !== undefined) {
    worker.postMessage({ jsonrpc: '2.0', id: m.id, result: null });
  } else {
    notifications.push(m);
  }
};
window.lsp = {
  request(method, params) {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, (m) => resolve(m.error ? { error: m.error } : { result: m.result }));
      worker.postMessage({ jsonrpc: '2.0', id, method, params });
    });
  },
  notify(method, params) {
    worker.postMessage({ jsonrpc: '2.0', method, params });
  },
  notifications: (method) => notifications.filter((n) => n.method === method).map((n) => n.params),
  errors: () => errors,
};
</script>`;

/** A JSON-RPC answer from the worker, as the page hands it back. */
export type Answer<T> = { result: T } | { error: { code: number; message: string } };

/** One worker in one page; `close` stops the browser and the HTTP server. */
export interface WorkerSession {
  page: Page;
  request<T>(method: string, params: unknown): Promise<T>;
  notify(method: string, params: unknown): Promise<void>;
  /** Resolves with the first notification `method` whose params satisfy `match`; rejects after `timeoutMs`. */
  waitFor<T>(method: string, match: (params: T) => boolean, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** Why the worker test cannot run here, or undefined when it can. */
export function workerTestUnavailable(): string | undefined {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`;
  if (!existsSync(WEB_SERVER_BUNDLE)) return `${WEB_SERVER_BUNDLE} is missing: run npm run build`;
  return undefined;
}

/** Serves the page and the bundle, opens the page in headless Chromium and starts the worker. */
export async function startWorkerSession(): Promise<WorkerSession> {
  const bundle = readFileSync(WEB_SERVER_BUNDLE);
  const http: Server = createServer((req, res) => {
    if (req.url === '/server.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const opened = browser;
    return {
      page,
      async request<T>(method: string, params: unknown): Promise<T> {
        const answer = await page.evaluate(([m, p]) => (globalThis as unknown as { lsp: { request(m: string, p: unknown): Promise<Answer<unknown>> } }).lsp.request(m, p), [method, params] as const);
        if ('error' in answer) throw new Error(`${method} failed in the worker: ${answer.error.message}`);
        return answer.result as T;
      },
      async notify(method: string, params: unknown): Promise<void> {
        await page.evaluate(([m, p]) => (globalThis as unknown as { lsp: { notify(m: string, p: unknown): void } }).lsp.notify(m, p), [method, params] as const);
      },
      async waitFor<T>(method: string, match: (params: T) => boolean, timeoutMs = 10_000): Promise<T> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const { seen, errors } = await page.evaluate((m) => {
            const lsp = (globalThis as unknown as { lsp: { notifications(m: string): unknown[]; errors(): string[] } }).lsp;
            return { seen: lsp.notifications(m), errors: lsp.errors() };
          }, method);
          const found = (seen as T[]).find(match);
          if (found) return found;
          if (errors.length) throw new Error(`the worker failed: ${errors.join('; ')}`);
          if (Date.now() > deadline) throw new Error(`no matching ${method} within ${timeoutMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      },
      async close() {
        await opened.close().catch(() => undefined);
        await new Promise<void>((resolve) => http.close(() => resolve()));
      },
    };
  } catch (err) {
    await browser?.close().catch(() => undefined);
    http.close();
    throw err;
  }
}
