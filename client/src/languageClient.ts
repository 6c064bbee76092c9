import * as vscode from 'vscode';
import { PublishDiagnosticsNotification, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import type { ClientPlatform } from './platform/types';

/**
 * Schemes whose Markdown documents the server checks (`sep-github` holds read-only files fetched from GitHub;
 * `vscode-vfs` is github.dev's and vscode.dev's repositories). The workspace folders' own schemes are added.
 */
export const CHECKED_SCHEMES = ['file', 'untitled', 'sep-github', 'vscode-vfs'];

/** Creates the client for the bundled server: the platform starts it (a Node process, or a Web Worker). */
export function createLanguageClient(context: vscode.ExtensionContext, platform: ClientPlatform): BaseLanguageClient {
  const schemes = new Set([...CHECKED_SCHEMES, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...schemes].flatMap((scheme) => [{ language: 'markdown', scheme }, { scheme, pattern: '**/sep-*.{yaml,yml}' }]),
    synchronize: { configurationSection: 'sep' },
    outputChannelName: 'SEP Language Server',
  };
  return platform.createLanguageClient(context, clientOptions);
}

/**
 * Sets the server's diagnostics in the editor as each `textDocument/publishDiagnostics` arrives. The language client's
 * own handler queues them and sets them on a later turn of the event loop (`setImmediate`), and in the extension host
 * that turn may come after other extensions' work: VS Code's Markdown extension parses the whole document for its
 * own server on every edit, tens of milliseconds on a long SEP. Our server publishes one short list per version, so
 * there is nothing to batch or to yield for. Registered before the client starts, the handler replaces the client's
 * own, and the client registers it again after a restart.
 */
export function setDiagnosticsOnArrival(client: BaseLanguageClient): vscode.Disposable {
  return client.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const p2c = client.protocol2CodeConverter;
    // Undefined once the client has stopped.
    client.diagnostics?.set(p2c.asUri(params.uri), params.diagnostics.map((d) => p2c.asDiagnostic(d)));
  });
}
