/**
 * `sep-lint mcp`: serves the SEP tools over stdio (the same server as `node dist/mcp.js`). The server is its
 * own bundle, loaded only for this subcommand, so the CLI's bundle does not carry the MCP SDK.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The usage line of the subcommand. */
export const MCP_USAGE = `Usage: sep-lint mcp

Serves the SEP tools (check_sep, fix_sep, explain_rule, new_sep, check_github_sep)
to an MCP client over stdin/stdout. Files are read inside the client's roots, or
the current folder when it gives none. check_github_sep signs in to GitHub with
GITHUB_TOKEN when it is set.`;

/** Starts the server; returns an exit status instead when the arguments are wrong (or asked for help). */
export function serveMcp(argv: string[], out: (s: string) => void, err: (s: string) => void): number | undefined {
  if (argv.length === 1 && (argv[0] === '-h' || argv[0] === '--help')) {
    out(MCP_USAGE);
    return 0;
  }
  if (argv.length > 0) {
    err(`sep-lint mcp: takes no arguments, got ${argv.join(' ')}\n\n${MCP_USAGE}`);
    return 2;
  }
  // dist/cli.js loads dist/mcp.js beside it; from the sources (tsx), server/src/mcp/main.ts.
  const fromSources = __filename.endsWith('.ts');
  const entry = fromSources ? join(__dirname, '..', 'mcp', 'main') : join(__dirname, 'mcp.js');
  if (!fromSources && !existsSync(entry)) {
    err(`sep-lint mcp: the server ${entry} is missing: it ships beside cli.js (npm run build makes both).`);
    return 2;
  }
  const server = require(entry) as { startMcpServer(): Promise<void> };
  server.startMcpServer().catch((e: unknown) => {
    err(`sep-lint mcp: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
  return undefined;
}
