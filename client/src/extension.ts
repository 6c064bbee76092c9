import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerCommands } from './commands';
import { registerFixAll } from './commands/fixAll';
import { registerSidebar } from './views/register';
import { registerMcpServer, type McpRegistration } from './mcp';

/** What `activate` returns to other extensions and tests. */
export interface SepExtensionApi {
  /** The MCP server provider, when this VS Code has the MCP API (1.101 and later). */
  mcp?: McpRegistration;
}

let client: LanguageClient | undefined;

/** Starts the SEP language server and registers the commands, views and the MCP server of SEP tools. */
export async function activate(context: vscode.ExtensionContext): Promise<SepExtensionApi> {
  client = createLanguageClient(context);
  context.subscriptions.push(client);
  registerCommands(context, client);
  registerFixAll(context, client);
  registerSidebar(context);
  const mcp = registerMcpServer(context);
  await client.start();
  return { mcp };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
