/**
 * A minimal LSP client for tests: spawns the BUILT server (`dist/server.js --stdio`)
 * and speaks JSON-RPC over its real stdin/stdout.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export interface TestClient {
  connection: MessageConnection;
  process: ChildProcessWithoutNullStreams;
  /** Resolves with the next diagnostics published for `uri` (at `version`, when given). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, version: number, changes: { range?: Diagnostic['range']; text: string }[]): void;
  stderr(): string;
  /** The capabilities the server registered with `client/registerCapability`, in order. */
  registrations: { method: string; registerOptions?: unknown }[];
  /** How many publishDiagnostics notifications have arrived so far. */
  published(): number;
  close(): Promise<void>;
}

export async function startClient(
  options: {
    settings?: unknown;
    /** Answers `workspace/configuration` per item (a folder's `scopeUri`, or none for the window); else `settings`. */
    scopedSettings?: (scopeUri: string | undefined) => unknown;
    capabilities?: Record<string, unknown>;
    rootUri?: string | null;
    workspaceFolders?: { uri: string; name: string }[];
    /** How long the client takes to answer `workspace/configuration` (ms; else at once). */
    configurationDelayMs?: number;
    /** Messages to send before `initialize` (the desktop extension's `sep/preview`). */
    beforeInitialize?: (connection: MessageConnection) => void;
    /** Sent in `initializationOptions` beside `settings` (the extension sends `status: true`). */
    initializationOptions?: Record<string, unknown>;
    /** Options for Node, before the server's script. */
    nodeArgs?: string[];
  } = {},
): Promise<TestClient> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: 'pipe' });
  let err = '';
  child.stderr.on('data', (d) => (err += String(d)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters: { uri: string; version?: number; resolve(p: PublishDiagnosticsParams): void }[] = [];
  let published = 0;
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published++;
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i];
      if (w.uri === p.uri && (w.version === undefined || w.version === p.version)) {
        waiters.splice(i, 1);
        w.resolve(p);
        return;
      }
    }
  });
  connection.onRequest('workspace/configuration', async (params: { items: { section?: string; scopeUri?: string }[] }) => {
    if (options.configurationDelayMs) await new Promise((r) => setTimeout(r, options.configurationDelayMs));
    return params.items.map((item) => (options.scopedSettings ? options.scopedSettings(item.scopeUri) : options.settings) ?? null);
  });
  const registrations: TestClient['registrations'] = [];
  connection.onRequest('client/registerCapability', (p: { registrations: TestClient['registrations'] }) => {
    registrations.push(...p.registrations);
    return null;
  });
  connection.listen();
  options.beforeInitialize?.(connection);
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    workspaceFolders: options.workspaceFolders ?? null,
    capabilities: options.capabilities ?? { textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { settings: options.settings, ...options.initializationOptions },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    registrations,
    diagnostics(uri, version, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}@${version} within ${timeoutMs} ms; server stderr: ${err}`)), timeoutMs);
        waiters.push({ uri, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    open(uri, text, version = 1) {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    },
    change(uri, version, contentChanges) {
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    },
    stderr: () => err,
    published: () => published,
    async close() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      connection.dispose();
    },
  };
}
