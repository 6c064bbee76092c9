import type * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { createLanguageClient } from './languageClient';
import { registerCommands } from './commands';
import { registerFixAll } from './commands/fixAll';
import { platform } from './platform';
import { registerSidebar } from './views/register';
import { registerWorkspaceIndex } from './workspaceIndex';

let client: LanguageClient | undefined;

/** Starts the SEP language server and registers the commands and views. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createLanguageClient(context, platform);
  context.subscriptions.push(client);
  registerCommands(context, client, platform);
  registerFixAll(context, client);
  registerSidebar(context);
  await client.start();
  context.subscriptions.push(registerWorkspaceIndex(client));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
