/**
 * The SEP tools served over stdio (`node dist/mcp.js`, `sep-lint mcp`). Bundled into dist/cli.js, which already
 * carries the engine, and loaded only when asked for; dist/mcp.js (launch.ts) starts it. Only JSON-RPC goes to
 * stdout; nothing else is printed there.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createSepMcpServer } from './server';

declare const SEP_VERSION: string | undefined;

/** Serves the tools on stdin/stdout until the client closes the connection. */
export async function startMcpServer(): Promise<void> {
  const server = createSepMcpServer({ version: typeof SEP_VERSION === 'string' ? SEP_VERSION : undefined });
  await server.connect(new StdioServerTransport());
}
