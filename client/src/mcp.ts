/**
 * Registers the SEP tools' MCP server (dist/mcp.js) with VS Code, so agent mode finds "SEP tools" without any
 * configuration. The API (`vscode.lm.registerMcpServerDefinitionProvider`, `vscode.McpStdioServerDefinition`) is
 * final since VS Code 1.101; this extension supports 1.95, so it is detected at run time and typed here.
 */
import * as vscode from 'vscode';

/** The provider id, as contributed in package.json (`contributes.mcpServerDefinitionProviders`). */
export const MCP_PROVIDER_ID = 'sep.mcpServers';

/** The label agent mode shows for the server. */
export const MCP_SERVER_LABEL = 'SEP tools';

/** What VS Code runs: the fields of a `vscode.McpStdioServerDefinition`. */
export interface McpServerLaunch {
  label: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  version: string;
  cwd?: vscode.Uri;
}

/** The parts of the MCP API this file uses (VS Code 1.101 and later). */
interface McpApi {
  McpStdioServerDefinition: new (label: string, command: string, args?: string[], env?: Record<string, string>, version?: string) => McpServerLaunch;
  registerMcpServerDefinitionProvider(id: string, provider: {
    onDidChangeMcpServerDefinitions?: vscode.Event<void>;
    provideMcpServerDefinitions(token: vscode.CancellationToken): vscode.ProviderResult<McpServerLaunch[]>;
  }): vscode.Disposable;
}

/** The MCP side of the extension's API: what the provider hands VS Code (for tests and other extensions). */
export interface McpRegistration {
  providerId: string;
  /** The server definitions as VS Code receives them. */
  definitions(): McpServerLaunch[];
}

/** The MCP API when this VS Code has it. */
function mcpApi(): McpApi | undefined {
  const lm = vscode.lm as unknown as Partial<McpApi> | undefined;
  const ctor = (vscode as unknown as Partial<McpApi>).McpStdioServerDefinition;
  if (!lm || typeof lm.registerMcpServerDefinitionProvider !== 'function' || typeof ctor !== 'function') return undefined;
  return { McpStdioServerDefinition: ctor, registerMcpServerDefinitionProvider: lm.registerMcpServerDefinitionProvider.bind(lm) };
}

/**
 * How to start the bundled server: with the Node.js that runs the extension host (`process.execPath`), so
 * nothing needs to be installed. In desktop VS Code that binary is Electron, which runs as plain Node.js only
 * with `ELECTRON_RUN_AS_NODE=1`; under code-server and other Node.js hosts the variable is ignored.
 * The first workspace folder is the working directory (the server's root when the client offers none).
 */
export function mcpServerLaunch(context: Pick<vscode.ExtensionContext, 'asAbsolutePath' | 'extension'>): McpServerLaunch {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return {
    label: MCP_SERVER_LABEL,
    command: process.execPath,
    args: [context.asAbsolutePath('dist/mcp.js')],
    env: { ELECTRON_RUN_AS_NODE: '1' },
    version: String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0'),
    ...(folder?.uri.scheme === 'file' ? { cwd: folder.uri } : {}),
  };
}

/**
 * Registers the provider when VS Code has the MCP API; undefined (and nothing registered) on older versions,
 * where the rest of the extension works as before.
 */
export function registerMcpServer(context: vscode.ExtensionContext): McpRegistration | undefined {
  const api = mcpApi();
  if (!api) return undefined;
  const changed = new vscode.EventEmitter<void>();
  const definitions = (): McpServerLaunch[] => {
    const launch = mcpServerLaunch(context);
    const definition = new api.McpStdioServerDefinition(launch.label, launch.command, launch.args, launch.env, launch.version);
    if (launch.cwd) definition.cwd = launch.cwd;
    return [definition];
  };
  context.subscriptions.push(
    changed,
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
    api.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
      onDidChangeMcpServerDefinitions: changed.event,
      provideMcpServerDefinitions: () => definitions(),
    }),
  );
  return { providerId: MCP_PROVIDER_ID, definitions };
}
