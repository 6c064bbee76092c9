// First: its module starts the server process, before the rest of the bundle is evaluated (see early.ts).
import { early } from './early';
import { execFile, type ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import { PREVIEW_DIAGNOSTICS_NOTIFICATION } from '../../../common/protocol';
import { IPCMessageReader, IPCMessageWriter, LanguageClient, State, type ServerOptions } from 'vscode-languageclient/node';
import { hostDebugged, startServerProcess, takeServerProcess } from './serverProcess';
import type { ClientPlatform, GitIdentity } from './types';

const GIT_TIMEOUT_MS = 3000;

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
