/**
 * Entry of `dist/mcp.js` (`node dist/mcp.js`, `sep-lint mcp`): the SEP tools served over stdio. Only
 * JSON-RPC goes to stdout; nothing else is printed there.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createSepMcpServer } from './server';

declare const SEP_VERSION: string | undefined;

/** Serves the tools on stdin/stdout until the client closes the connection. */
export async function startMcpServer(): Promise<void> {
  const server = createSepMcpServer({ version: typeof SEP_VERSION === 'string' ? SEP_VERSION : undefined });
  await server.connect(new StdioServerTransport());
}

if (require.main === module) {
  startMcpServer().catch((e: unknown) => {
    process.stderr.write(`sep-tools: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(1);
  });
}
