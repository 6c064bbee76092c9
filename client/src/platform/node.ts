import { execFile, type ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import { MAX_PREVIEW_CHARS, PREVIEW_DIAGNOSTICS_NOTIFICATION, type PreviewDiagnostic, type PreviewParams } from '../../../common/protocol';
import { IPCMessageReader, IPCMessageWriter, LanguageClient, State, type ServerOptions } from 'vscode-languageclient/node';
import { hostDebugged, prestartServerProcess, startServerProcess, takeServerProcess } from './serverProcess';
import { EarlyDiagnostics } from './earlyDiagnostics';
import type { ClientPlatform, GitIdentity } from './types';

const GIT_TIMEOUT_MS = 3000;

// The server process starts while the extension host prepares to call activate (see serverProcess.ts), with the
// Markdown files already open: the one being opened is what activates the extension. What it finds in them shows
// until the language client publishes (earlyDiagnostics.ts).
const early = startEarly();

function startEarly(): EarlyDiagnostics {
  let collection: vscode.DiagnosticCollection | undefined;
  let child: ChildProcess | undefined;
  const listeners: vscode.Disposable[] = [];
  const onMessage = (message: unknown): void => early.receive(message);
  const early = new EarlyDiagnostics({
    versionOf: (uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.version,
    show: (uri, diagnostics) => {
      collection ??= vscode.languages.createDiagnosticCollection('sep-early');
      collection.set(vscode.Uri.parse(uri), diagnostics.map(toDiagnostic));
    },
    clear: (uri) => collection?.delete(vscode.Uri.parse(uri)),
    dispose: () => {
      child?.off('message', onMessage);
      collection?.dispose();
      for (const l of listeners.splice(0)) l.dispose();
    },
  });
  child = prestartServerProcess(() => openMarkdownFiles(early));
  if (!child || !early.active) {
    early.dispose();
    return early;
  }
  child.on('message', onMessage);
  listeners.push(
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && early.drop(e.document.uri.toString())),
    vscode.workspace.onDidCloseTextDocument((d) => early.drop(d.uri.toString())),
  );
  return early;
}

/**
 * The Markdown documents on disk open in the editor (at most a few), for `sep/preview`, each with its `sep` settings
 * as the server would read them for its folder (or the window's, outside every folder); marked previewed in `early`.
 */
function openMarkdownFiles(early: EarlyDiagnostics): PreviewParams[] {
  const previews = vscode.workspace.textDocuments
    .filter((d) => d.languageId === 'markdown' && d.uri.scheme === 'file')
    .slice(-3)
    .map((d) => ({ d, text: d.getText() }))
    .filter(({ text }) => text.length <= MAX_PREVIEW_CHARS)
    .map(({ d, text }) => {
      const folder = vscode.workspace.getWorkspaceFolder(d.uri);
      // As vscode-languageclient answers `workspace/configuration` for the section `sep` (JSON, through the IPC channel).
      const settings: unknown = vscode.workspace.getConfiguration(undefined, folder?.uri).get('sep') ?? null;
      early.previewed(d.uri.toString(), d.version);
      return { uri: d.uri.toString(), text, settings };
    });
  if (previews.length === 0) early.dispose();
  return previews;
}

const SEVERITY: Record<number, vscode.DiagnosticSeverity> = {
  1: vscode.DiagnosticSeverity.Error,
  2: vscode.DiagnosticSeverity.Warning,
  3: vscode.DiagnosticSeverity.Information,
  4: vscode.DiagnosticSeverity.Hint,
};

/** An LSP diagnostic as the editor's, the way vscode-languageclient converts the ones it publishes. */
function toDiagnostic(d: PreviewDiagnostic): vscode.Diagnostic {
  const { start, end } = d.range;
  const message = typeof d.message === 'string' ? d.message : d.message.value;
  const out = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), message, SEVERITY[d.severity ?? 1] ?? vscode.DiagnosticSeverity.Error);
  if (d.source !== undefined) out.source = d.source;
  if (d.code !== undefined) out.code = d.codeDescription ? { value: d.code, target: vscode.Uri.parse(d.codeDescription.href) } : d.code;
  return out;
}

/** The desktop: the server is dist/server.js in a Node process over IPC; git is asked for the author. */
export const platform: ClientPlatform = {
  startsProcesses: true,
  createLanguageClient(context, clientOptions) {
    const module = context.asAbsolutePath('dist/server.js');
    let client: LanguageClient | undefined;
    let child: ChildProcess | undefined;
    const serverOptions: ServerOptions = async () => {
      child = takeServerProcess(module) ?? startServerProcess(module, hostDebugged ? ['--nolazy', '--inspect=6019'] : []);
      // What the server writes outside the protocol goes to the client's output channel, as the client's own fork does.
      for (const stream of [child.stdout, child.stderr]) stream?.on('data', (data: Buffer) => client?.outputChannel.append(data.toString()));
      return { reader: new IPCMessageReader(child), writer: new IPCMessageWriter(child) };
    };
    // A document's first diagnostics from the client replace the early ones, in the same turn.
    const middleware = clientOptions.middleware ?? {};
    const options = {
      ...clientOptions,
      middleware: {
        ...middleware,
        handleDiagnostics: (uri: vscode.Uri, diagnostics: vscode.Diagnostic[], next: (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void) => {
          if (middleware.handleDiagnostics) middleware.handleDiagnostics(uri, diagnostics, next);
          else next(uri, diagnostics);
          if (early.active) early.drop(uri.toString());
        },
      },
    };
    client = new LanguageClient('sep', 'SEP Language Server', serverOptions, options);
    // Read by the early listener while it listens (earlyDiagnostics.ts); the client has nothing to do with it.
    client.onNotification(PREVIEW_DIAGNOSTICS_NOTIFICATION, () => undefined);
    context.subscriptions.push({ dispose: () => early.dispose() });
    // The server exits on the protocol's `exit`; one that has not 2 s after the client stopped is ended, as the
    // client does with a process it started itself.
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Stopped) early.dispose();
      const stopped = newState === State.Stopped ? child : undefined;
      if (stopped) setTimeout(() => stopped.exitCode === null && stopped.signalCode === null && stopped.kill(), 2000).unref();
    });
    return client;
  },
  async gitIdentity(folder: vscode.Uri | undefined): Promise<GitIdentity> {
    const cwd = folder?.scheme === 'file' ? folder.fsPath : undefined;
    const [name, email] = await Promise.all([git(['config', 'user.name'], cwd), git(['config', 'user.email'], cwd)]);
    return { name, email };
  },
};

function git(args: string[], cwd: string | undefined): Promise<string> {
  return new Promise((resolve) => {
    try {
      execFile('git', args, { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (err, stdout) => resolve(err ? '' : String(stdout).trim()));
    } catch {
      resolve('');
    }
  });
}
