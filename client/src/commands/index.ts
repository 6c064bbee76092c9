import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { ClientPlatform } from '../platform';
import { newSep } from './newSep';
import { setPrNumber } from './setPrNumber';
import { createTraceabilityFile } from './traceability';
import { registerStatusBar } from './statusBar';
import { validateWorkspace } from './validateWorkspace';

/**
 * Registers the palette commands (New SEP, Set PR Number, Validate All SEPs
 * in Workspace, Create Conformance Traceability File) and the SEP status bar item. Each command returns its result
 * (a URI, a summary) so tests can check it; an unexpected failure becomes an
 * error message and a line in the language client's output channel.
 */
export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, platform: ClientPlatform): void {
  const guard = <A extends unknown[], R>(what: string, run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await run(...args);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        client.outputChannel.appendLine(`${what} failed: ${err instanceof Error ? err.stack ?? message : message}`);
        void vscode.window.showErrorMessage(`${what} failed: ${message}`);
        return undefined;
      }
    };
  context.subscriptions.push(
    registerStatusBar(client),
    vscode.commands.registerCommand('sep.newSep', guard('New SEP', () => newSep(platform.gitIdentity))),
    vscode.commands.registerCommand('sep.setPrNumber', guard('Set PR Number', (uri?: unknown) => setPrNumber(client, uri instanceof vscode.Uri ? uri : undefined))),
    vscode.commands.registerCommand('sep.validateWorkspace', guard('Validate All SEPs', () => validateWorkspace(client))),
    vscode.commands.registerCommand(
      'sep.createTraceabilityFile',
      guard('Create Conformance Traceability File', (uri?: unknown, options?: unknown) =>
        createTraceabilityFile(client, uri instanceof vscode.Uri ? uri : undefined, isFolderOption(options) ? options : {})),
    ),
  );
}

function isFolderOption(v: unknown): v is { folder: vscode.Uri } {
  return typeof v === 'object' && v !== null && (v as { folder?: unknown }).folder instanceof vscode.Uri;
}
