// First, so that the desktop's server process starts before the rest of the bundle is evaluated (platform/early.ts).
import { platform } from './platform';
import type * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { createLanguageClient } from './languageClient';
import { registerCommands } from './commands';
import { registerFixAll } from './commands/fixAll';
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

/**
 * Registers the commands, views and the MCP server of SEP tools, and starts the SEP language server without waiting
 * for it: starting a server process takes hundreds of milliseconds in a busy editor, and nothing registered here
 * needs it before then (the language client holds requests until the server has started).
 */
export function activate(context: vscode.ExtensionContext): SepExtensionApi {
  const started = createLanguageClient(context, platform);
  client = started;
  context.subscriptions.push(started);
  registerCommands(context, started, platform);
  registerFixAll(context, started);
  context.subscriptions.push(registerRequirementsView(started));
  const sidebar = registerSidebar(context);
  const mcp = platform.startsProcesses ? registerMcpServer(context) : undefined;
  started.start().then(
    () => context.subscriptions.push(registerWorkspaceIndex(started), shareConformanceStatus(started, sidebar), shareTraceSeps(started, sidebar)),
    // The language client has already said why in its output channel and a notification.
    () => undefined,
  );
  return { mcp };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
