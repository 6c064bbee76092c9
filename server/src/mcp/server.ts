/**
 * The SEP tools as an MCP server: one engine, six tools. Building the server has no side effects; the entry
 * (main.ts) connects it to stdio.
 */
import { join } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { FetchLike } from '../../../client/src/github/types';
import { DEFAULT_API_URL } from '../../../client/src/views/settings';
import type { ToolContext } from './context';
import { registerCheckSep, registerFixSep } from './tools/check';
import { registerExplainRule } from './tools/explain';
import { registerCheckGitHubSep } from './tools/github';
import { registerNewSep } from './tools/newSep';
import { registerSepRequirements } from './tools/requirements';
import { Workspace } from './workspace';

/** The name clients show for this server. */
export const SERVER_NAME = 'sep-tools';

/** The environment variable that points check_github_sep at another GitHub API (GitHub Enterprise, tests). */
export const API_URL_VARIABLE = 'SEP_GITHUB_API_URL';

/** What the server is built from; every part has a default for the real thing. */
export interface SepMcpOptions {
  version?: string;
  /** The folder used as the root when the client offers none (default: the working directory). */
  cwd?: string;
  /** Where `GITHUB_TOKEN` and {@link API_URL_VARIABLE} are read (default: `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** The folder holding `docs/rules/` (default: the bundle's parent folder). */
  packageRoot?: string;
  fetch?: FetchLike;
  today?: () => string;
}

/** Builds the server with its tools registered, unconnected. */
export function createSepMcpServer(options: SepMcpOptions = {}): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, title: 'SEP tools', version: options.version ?? '0.0.0' },
    { instructions: 'Tools for writing MCP Specification Enhancement Proposals (SEPs): new_sep starts a draft, check_sep '
      + 'checks one against the SEP guidelines, fix_sep applies the fixes that need no decision, explain_rule explains a '
      + 'finding\'s rule, check_github_sep checks a SEP under review on GitHub, sep_requirements lists its normative statements and their conformance coverage.' },
  );
  const env = options.env ?? process.env;
  const ctx: ToolContext = {
    workspace: new Workspace({
      supportsRoots: () => Boolean(server.server.getClientCapabilities()?.roots),
      listRoots: async (timeout) => (await server.server.listRoots(undefined, { timeout })).roots,
    }, options.cwd),
    today: options.today ?? (() => new Date().toISOString().slice(0, 10)),
    packageRoot: options.packageRoot ?? join(__dirname, '..'),
    github: {
      apiUrl: env[API_URL_VARIABLE]?.trim() || DEFAULT_API_URL,
      token: () => env.GITHUB_TOKEN?.trim() || undefined,
      fetch: options.fetch ?? (globalThis.fetch as unknown as FetchLike),
    },
  };
  registerCheckSep(server, ctx);
  registerFixSep(server, ctx);
  registerExplainRule(server, ctx);
  registerNewSep(server, ctx);
  registerCheckGitHubSep(server, ctx);
  registerSepRequirements(server, ctx);
  return server;
}
