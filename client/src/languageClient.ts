import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Schemes whose Markdown documents the server checks (`sep-github` holds read-only files fetched from GitHub). */
export const CHECKED_SCHEMES = ['file', 'untitled', 'sep-github'];

/** Creates the client for the bundled server (dist/server.js), started over IPC. */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...CHECKED_SCHEMES.map((scheme) => ({ language: 'markdown', scheme })), { scheme: 'file', pattern: '**/sep-*.{yaml,yml}' }],
    synchronize: { configurationSection: 'sep' },
    outputChannelName: 'SEP Language Server',
  };
  return new LanguageClient('sep', 'SEP Language Server', serverOptions, clientOptions);
}
