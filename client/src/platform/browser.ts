import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { ClientPlatform } from './types';

/** The Web Worker constructor of the browser's extension host (this project type-checks against Node's globals). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[2];

/** The browser (vscode.dev, github.dev): the server is dist/web/server.js in a Web Worker; there is no git. */
export const platform: ClientPlatform = {
  createLanguageClient(context, clientOptions) {
    const server = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
    // The worker cannot tell where the extension is served from: the rule pages it links are given here.
    const root = context.extensionUri.toString();
    const ruleDocsRoot = root.endsWith('/') ? root : `${root}/`;
    const options = { ...clientOptions, initializationOptions: { ...clientOptions.initializationOptions, ruleDocsRoot } };
    return new LanguageClient('sep', 'SEP Language Server', new Worker(server.toString(true)), options);
  },
  gitIdentity: () => Promise.resolve({ name: '', email: '' }),
};
