import { execFile } from 'node:child_process';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_OPTIONS } from '../../../common/serverProcess';
import type { ClientPlatform, GitIdentity } from './types';

const GIT_TIMEOUT_MS = 3000;

/** The desktop: the server is dist/server.js in a Node process over IPC; git is asked for the author. */
export const platform: ClientPlatform = {
  startsProcesses: true,
  createLanguageClient(context, clientOptions) {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6019'] } },
    };
    return new LanguageClient('sep', 'SEP Language Server', serverOptions, clientOptions);
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
