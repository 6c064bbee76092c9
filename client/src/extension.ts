import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerCommands } from './commands';
import { registerFixAll } from './commands/fixAll';
import { registerSidebar } from './views/register';
import { shareConformanceStatus } from './views/conformanceServer';
import { registerRequirementsView } from './views/requirementsView';

let client: LanguageClient | undefined;

/** Starts the SEP language server and registers the commands and views. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  context.subscriptions.push(client);
  registerCommands(context, client);
  registerFixAll(context, client);
  context.subscriptions.push(registerRequirementsView(client));
  const sidebar = registerSidebar(context);
  await client.start();
  context.subscriptions.push(shareConformanceStatus(client, sidebar));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
