/**
 * Drives the BUILT MCP server (`dist/mcp.js`, or `dist/cli.js mcp`) over stdio with the SDK's own client,
 * optionally offering MCP roots.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListRootsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';

export const DIST = join(__dirname, '..', '..', '..', 'dist');

/** A connected client and what the server wrote on stderr. */
export interface McpTestClient {
  client: Client;
  /** Calls a tool; the result as the server sent it. */
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  stderr(): string;
  close(): Promise<void>;
}

/** Options of {@link startMcp}. */
export interface StartOptions {
  /** The server's working directory. */
  cwd: string;
  /** Folders (or raw URIs) the client offers as roots; absent: the client has no roots capability. */
  roots?: string[];
  /** Extra environment variables for the server (the rest is the SDK's default safe set). */
  env?: Record<string, string>;
  /** Start through `sep-lint mcp` instead of `node dist/mcp.js`. */
  viaCli?: boolean;
}

/** Spawns the server and connects the SDK client to it. */
export async function startMcp(options: StartOptions): Promise<McpTestClient> {
  const args = options.viaCli ? [join(DIST, 'cli.js'), 'mcp'] : [join(DIST, 'mcp.js')];
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...options.env };
  const transport = new StdioClientTransport({ command: process.execPath, args, cwd: options.cwd, env, stderr: 'pipe' });
  let err = '';
  transport.stderr?.on('data', (d) => (err += String(d)));
  const client = new Client({ name: 'sep-tests', version: '1.0.0' }, { capabilities: options.roots ? { roots: { listChanged: true } } : {} });
  if (options.roots) {
    const roots = options.roots.map((r) => ({ uri: /^[a-z]+:/.test(r) ? r : pathToFileURL(r).href }));
    client.setRequestHandler(ListRootsRequestSchema, () => ({ roots }));
  }
  await client.connect(transport);
  return {
    client,
    call: async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    stderr: () => err,
    close: () => client.close(),
  };
}

/** The text content of a result, joined. */
export function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

/** One finding of a structured result, as the tools declare it. */
export interface FindingOut {
  rule: string;
  severity: string;
  line: number;
  column: number;
  message: string;
  certainFix: boolean;
}

/** The structured content of a successful result (fails the test with the message on a tool error). */
export function data<T = Record<string, unknown>>(result: CallToolResult): T {
  if (result.isError) throw new Error(`tool error: ${textOf(result)}`);
  if (!result.structuredContent) throw new Error('no structured content');
  return result.structuredContent as T;
}
