import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeParams,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

/** How to start one language server over stdio. */
export interface ServerCommand {
  command: string;
  args: string[];
  cwd: string;
  /** Added to the bench's own environment. */
  env?: Record<string, string>;
}

interface Waiter {
  version: number | 'close';
  resolve(params: PublishDiagnosticsParams): void;
}

/**
 * A minimal LSP client over a child process's stdio: initialize, send
 * notifications and requests, and wait for `publishDiagnostics` of a given
 * document version. Answers the requests every server may send the client.
 */
export class LspProcess {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  private readonly waiters = new Map<string, Waiter[]>();
  private stderr = '';
  /** Settings answered to `workspace/configuration`, by section. */
  settings: Record<string, unknown> = {};

  constructor(cmd: ServerCommand) {
    this.child = spawn(cmd.command, cmd.args, { cwd: cmd.cwd, env: { ...process.env, ...cmd.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => this.deliver(p));
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section ? this.settings[i.section] ?? null : this.settings)),
    );
    for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/diagnostic/refresh', 'window/showMessageRequest']) {
      this.connection.onRequest(method, () => null);
    }
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.listen();
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** The last lines the server wrote to stderr, for error messages. */
  get errorOutput(): string {
    return this.stderr;
  }

  async initialize(params: Partial<InitializeParams>): Promise<InitializeResult> {
    const result = await this.withTimeout(
      this.connection.sendRequest('initialize', { processId: process.pid, capabilities: {}, rootUri: null, ...params }) as Promise<InitializeResult>,
      20_000,
      'initialize',
    );
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /**
   * Resolves with the next `publishDiagnostics` for `uri` at exactly `version`;
   * `'close'` waits for the unversioned one a server sends when a document closes.
   */
  diagnosticsFor(uri: string, version: number | 'close', timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    const promise = new Promise<PublishDiagnosticsParams>((resolve) => {
      const list = this.waiters.get(uri) ?? [];
      list.push({ version, resolve });
      this.waiters.set(uri, list);
    });
    return this.withTimeout(promise, timeoutMs, `diagnostics for ${uri} v${version}`);
  }

  private deliver(p: PublishDiagnosticsParams): void {
    const list = this.waiters.get(p.uri);
    if (!list) return;
    const keep: Waiter[] = [];
    for (const w of list) {
      // Both push servers echo the version; an unversioned publication is the one for a closed document.
      if (w.version === 'close' ? p.version === undefined || p.version === null : p.version === w.version) w.resolve(p);
      else keep.push(w);
    }
    this.waiters.set(p.uri, keep);
  }

  /** Peak resident set size of the server process in kB (`VmHWM`), or undefined once it is gone. */
  peakRssKb(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      return m ? Number(m[1]) : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    try {
      await this.withTimeout(this.connection.sendRequest('shutdown'), 3000, 'shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // A server that does not shut down cleanly is killed below.
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve();
      }, 2000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }

  private withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}; server stderr: ${this.stderr.slice(-500)}`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}
