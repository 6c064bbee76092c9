/// <reference types="mocha" />
/**
 * The MCP server provider in the real editor: VS Code (code-server 1.139) has the MCP API, the extension registers
 * its provider, and the definition it hands VS Code starts the bundled server, which answers an MCP handshake.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension } from './helpers';

interface Definition {
  label: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  version?: string;
  cwd?: vscode.Uri;
}

/** Sends JSON-RPC lines to the server and resolves with the answer to each request, in order. */
function converse(def: Definition, messages: object[], timeoutMs = 20_000): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(def.command, def.args, { cwd: def.cwd?.fsPath, env: { ...process.env, ...def.env }, stdio: 'pipe' });
    const wanted = messages.filter((m) => 'id' in m).length;
    const answers: Record<string, unknown>[] = [];
    let buffer = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no answer from ${def.command} ${def.args.join(' ')} within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.stdout.on('data', (d) => {
      buffer += String(d);
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line) answers.push(JSON.parse(line) as Record<string, unknown>);
      }
      if (answers.length >= wanted) {
        clearTimeout(timer);
        child.kill();
        resolve(answers);
      }
    });
    for (const m of messages) child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...m })}\n`);
  });
}

describe('MCP server of SEP tools', function () {
  this.timeout(60_000);

  it('is registered with VS Code, and its definition starts the bundled server', async () => {
    await activateExtension();
    assert.equal(typeof (vscode.lm as unknown as Record<string, unknown>).registerMcpServerDefinitionProvider, 'function', 'this VS Code has the MCP API');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON as { contributes: { mcpServerDefinitionProviders?: { id: string }[] } }).contributes.mcpServerDefinitionProviders;
    const api = ext.exports as { mcp?: { providerId: string; definitions(): Definition[] } };
    assert.ok(api.mcp, 'the provider was registered');
    assert.deepEqual(contributed?.map((p) => p.id), [api.mcp.providerId]);

    const definitions = api.mcp.definitions();
    assert.equal(definitions.length, 1);
    const [def] = definitions;
    const ctor = (vscode as unknown as { McpStdioServerDefinition: new (...a: never[]) => unknown }).McpStdioServerDefinition;
    assert.ok(def instanceof ctor, 'a vscode.McpStdioServerDefinition');
    assert.equal(def.label, 'SEP tools');
    assert.equal(def.command, process.execPath, 'the extension host\'s own Node.js');
    assert.deepEqual(def.args, [join(ext.extensionPath, 'dist', 'mcp.js')]);
    assert.ok(existsSync(def.args[0]), 'the bundled server is installed with the extension');
    assert.equal(def.version, (ext.packageJSON as { version: string }).version);

    const [init, list] = await converse(def, [
      { id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'e2e', version: '1' } } },
      { method: 'notifications/initialized' },
      { id: 2, method: 'tools/list' },
    ]);
    assert.equal((init.result as { serverInfo: { name: string } }).serverInfo.name, 'sep-tools');
    const names = (list.result as { tools: { name: string }[] }).tools.map((t) => t.name).sort();
    assert.deepEqual(names, ['check_github_sep', 'check_sep', 'explain_rule', 'fix_sep', 'new_sep', 'sep_requirements']);
  });
});
