import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InitializeResult, Position, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { SERVER_NODE_OPTIONS } from '../common/serverProcess';
import { LspProcess, type ServerCommand } from './lsp';
import { MARKDOWN_SETTINGS, serveMarkdownClient } from './markdown-client';

/** One latency sample: milliseconds until diagnostics, and how many there were. */
export interface Sample {
  ms: number;
  count: number;
}

/** What the bench needs from any server under test. */
export interface ServerSpec {
  id: string;
  label: string;
  /** `push`: wait for publishDiagnostics of the version; `pull`: send textDocument/diagnostic after the change. */
  mode: 'push' | 'pull';
  command(repo: string, node: string): ServerCommand;
  /** Section → settings answered to workspace/configuration. */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Called after `initialized`, before any document is opened. */
  prepare?(session: Session): Promise<void>;
}

const CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: false } },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
  },
};

/** A running server plus the client's copy of each open document. */
export class Session {
  readonly texts = new Map<string, { text: string; version: number }>();
  private fullSync = false;

  private constructor(readonly spec: ServerSpec, readonly lsp: LspProcess, readonly workspaceDir: string) {}

  static async start(spec: ServerSpec, repo: string, node: string, workspaceDir: string): Promise<Session> {
    const lsp = new LspProcess(spec.command(repo, node));
    lsp.settings = spec.settings ?? {};
    const session = new Session(spec, lsp, workspaceDir);
    const folder = pathToFileURL(workspaceDir).href;
    const result: InitializeResult = await lsp.initialize({
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'bench' }],
      capabilities: CAPABILITIES,
      initializationOptions: spec.initializationOptions,
    });
    const sync = result.capabilities.textDocumentSync;
    session.fullSync = (typeof sync === 'number' ? sync : sync?.change) === 1;
    await spec.prepare?.(session);
    return session;
  }

  /** didOpen, then the time until the first diagnostics of version 1. */
  async open(uri: string, text: string): Promise<Sample> {
    this.texts.set(uri, { text, version: 1 });
    const t0 = performance.now();
    const push = this.spec.mode === 'push' ? this.lsp.diagnosticsFor(uri, 1) : undefined;
    void this.lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return this.diagnostics(uri, t0, push);
  }

  /** Inserts `insert` at `offset` (`at` is the same place as a position) as the next version; the time from didChange to that version's diagnostics. */
  async insert(uri: string, at: Position, offset: number, insert: string): Promise<Sample> {
    const doc = this.texts.get(uri)!;
    doc.text = doc.text.slice(0, offset) + insert + doc.text.slice(offset);
    doc.version++;
    const change: TextDocumentContentChangeEvent = this.fullSync ? { text: doc.text } : { range: { start: at, end: at }, text: insert };
    const t0 = performance.now();
    const push = this.spec.mode === 'push' ? this.lsp.diagnosticsFor(uri, doc.version) : undefined;
    void this.lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [change] });
    return this.diagnostics(uri, t0, push);
  }

  /** didClose; a push server's answer (empty diagnostics) is awaited so it cannot be taken for the next open's. */
  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    const cleared = this.spec.mode === 'push' ? this.lsp.diagnosticsFor(uri, 'close', 5000).catch(() => undefined) : undefined;
    await this.lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
  }

  private async diagnostics(uri: string, t0: number, push: ReturnType<LspProcess['diagnosticsFor']> | undefined): Promise<Sample> {
    if (push) {
      const p = await push;
      return { ms: performance.now() - t0, count: p.diagnostics.length };
    }
    const report = (await this.lsp.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items?: unknown[] };
    return { ms: performance.now() - t0, count: report.items?.length ?? 0 };
  }
}

/** Our server, the remark language server and VS Code's Markdown server. */
export function serverSpecs(markdownNode: string): ServerSpec[] {
  return [
    {
      id: 'sep',
      label: 'SEP server (ours)',
      mode: 'push',
      // Started as the extension starts it.
      command: (repo, node) => ({ command: node, args: [...SERVER_NODE_OPTIONS, join(repo, 'dist', 'server.js'), '--stdio'], cwd: repo }),
      settings: { sep: {} },
    },
    {
      id: 'remark',
      label: 'unified-language-server + remark-preset-lint-recommended',
      mode: 'push',
      command: (repo, node) => ({ command: node, args: [join(repo, 'bench', 'remark-server.mjs'), '--stdio'], cwd: repo }),
      settings: { remark: { requireConfig: false } },
    },
    {
      id: 'markdown',
      label: 'vscode-markdown-languageserver',
      mode: 'pull',
      command: (repo) => ({
        command: markdownNode,
        args: [join(repo, 'node_modules', 'vscode-markdown-languageserver', 'out', 'node', 'main.js'), '--stdio'],
        cwd: repo,
      }),
      initializationOptions: { markdownFileExtensions: ['md'] },
      async prepare(session) {
        serveMarkdownClient(session.lsp.connection, session.texts, session.workspaceDir);
        await session.lsp.connection.sendNotification('workspace/didChangeConfiguration', { settings: MARKDOWN_SETTINGS });
      },
    },
  ];
}
