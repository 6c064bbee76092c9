/**
 * dist/mcp.js: starts the SEP tools' MCP server, which dist/cli.js carries (so the package holds one copy of the
 * engine for both, and `sep-lint mcp` is the same server).
 */
// Resolved at run time beside this file: esbuild leaves `./cli.js` external (esbuild.mjs).
const cli = require('./cli.js') as { startMcpServer(): Promise<void> };

cli.startMcpServer().catch((e: unknown) => {
  process.stderr.write(`sep-tools: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
