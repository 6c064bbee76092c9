import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import type { ClientPlatform } from './types';

/** The Web Worker constructor of the browser's extension host (this project type-checks against Node's globals). */
declare const Worker: new (url: string) => ConstructorParameters<typeof BrowserMessageReader>[0];

/**
 * The server's worker, from the bundle's URL (vscode.dev, github.dev). An extension installed on a remote server
 * (code-server, a codespace in the browser) has a `vscode-remote:` URL, which the web extension host refuses to
 * start a worker from: the bundle is then read through the editor's file system and started from a blob URL.
 * The transports are made here: the extension host's Worker is its own class, which the language client does not
 * recognise as a Worker.
 */
async function startWorker(server: vscode.Uri): Promise<MessageTransports> {
  let worker: ConstructorParameters<typeof BrowserMessageReader>[0];
  try {
    worker = new Worker(server.toString(true));
  } catch {
    const code = await vscode.workspace.fs.readFile(server);
    worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
  }
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

/** The browser (vscode.dev, github.dev): the server is dist/web/server.js in a Web Worker; there is no git. */
export const platform: ClientPlatform = {
  startsProcesses: false,
  createLanguageClient(context, clientOptions) {
    const server = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
    // The worker cannot tell where the extension is served from: the rule pages it links are given here.
    const root = context.extensionUri.toString();
    const ruleDocsRoot = root.endsWith('/') ? root : `${root}/`;
    const options = { ...clientOptions, initializationOptions: { ...clientOptions.initializationOptions, ruleDocsRoot } };
    return new LanguageClient('sep', 'SEP Language Server', () => startWorker(server), options);
  },
  gitIdentity: () => Promise.resolve({ name: '', email: '' }),
};
