import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { InitializationOptions } from '../../common/protocol';
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
    // The status bar reads the server's sep/status notifications.
    initializationOptions: { status: true } satisfies InitializationOptions,
    outputChannelName: 'SEP Language Server',
  };
  return platform.createLanguageClient(context, clientOptions);
}
