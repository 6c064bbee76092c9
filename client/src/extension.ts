import type * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { createLanguageClient } from './languageClient';
import { registerCommands } from './commands';
import { registerFixAll } from './commands/fixAll';
import { platform } from './platform';
import { registerSidebar } from './views/register';
import { registerMcpServer, type McpRegistration } from './mcp';
import { registerWorkspaceIndex } from './workspaceIndex';
import { shareConformanceStatus } from './views/conformanceServer';
import { shareTraceSeps } from './views/traceSeps';
import { registerRequirementsView } from './views/requirementsView';

/** What `activate` returns to other extensions and tests. */
export interface SepExtensionApi {
  /** The MCP server provider, when this VS Code has the MCP API (1.101 and later) and can start processes. */
  mcp?: McpRegistration;
}

let client: LanguageClient | undefined;

/** Starts the SEP language server and registers the commands, views and the MCP server of SEP tools. */
export async function activate(context: vscode.ExtensionContext): Promise<SepExtensionApi> {
  client = createLanguageClient(context, platform);
  context.subscriptions.push(client);
  registerCommands(context, client, platform);
  registerFixAll(context, client);
  context.subscriptions.push(registerRequirementsView(client));
  const sidebar = registerSidebar(context);
  const mcp = platform.startsProcesses ? registerMcpServer(context) : undefined;
  await client.start();
  context.subscriptions.push(registerWorkspaceIndex(client), shareConformanceStatus(client, sidebar), shareTraceSeps(client, sidebar));
  return { mcp };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
