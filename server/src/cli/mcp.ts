/**
 * `sep-lint mcp`: serves the SEP tools over stdio (the same server as `node dist/mcp.js`, which starts this one).
 * The server and the MCP SDK are loaded only for this subcommand.
 */

/** Loads and starts the MCP server (server/src/mcp/main.ts); dist/mcp.js calls this through dist/cli.js. */
export async function startMcpServer(): Promise<void> {
  const { startMcpServer: start } = await import('../mcp/main');
  await start();
}

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
  startMcpServer().catch((e: unknown) => {
    err(`sep-lint mcp: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
  return undefined;
}
