/**
 * The built server reads only inside its workspace folders: a `seps/` above the folder stays unknown
 * until a folder holding it is added to the workspace, and a SEP linked in from outside stays unknown.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './client';

const base = mkdtempSync(join(tmpdir(), 'sep-lsp-ws-'));
const ws = join(base, 'ws');
const outside = mkdtempSync(join(tmpdir(), 'sep-lsp-outside-'));
mkdirSync(join(base, 'seps'));
mkdirSync(join(ws, 'notes'), { recursive: true });
writeFileSync(join(base, 'seps', '0012-above.md'), '# SEP-12: Above the workspace\n\n- **Status**: Final\n');
writeFileSync(join(outside, 'secret.md'), '# SEP-77: Secret outside\n\n- **Status**: Final\n');
symlinkSync(join(outside, 'secret.md'), join(base, 'seps', '0077-secret.md'));
const docPath = join(ws, 'notes', '4242-weather.md');
const TEXT = '# SEP-4242: Weather\n\nSee SEP-12 and SEP-77.\n';
writeFileSync(docPath, TEXT);
const URI = pathToFileURL(docPath).href;

let client: TestClient;

before(async () => {
  client = await startClient({
    capabilities: { workspace: { workspaceFolders: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }],
  });
  const published = client.diagnostics(URI, 1);
  client.open(URI, TEXT, 1);
  await published;
});

after(async () => {
  await client?.close();
  rmSync(base, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const hoverText = async (character: number): Promise<string> => {
  const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character } })) as Hover | null;
  return (hover?.contents as { value: string } | undefined)?.value ?? '';
};

test('a seps/ folder above the workspace folder is not read', async () => {
  assert.match(await hoverText(6), /SEP-12\*\* is not in this workspace/);
});

test('adding the parent folder to the workspace makes its seps/ readable', async () => {
  await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
    event: { added: [{ uri: pathToFileURL(base).href, name: 'base' }], removed: [{ uri: pathToFileURL(ws).href, name: 'ws' }] },
  });
  assert.match(await hoverText(6), /SEP-12: Above the workspace/);
  assert.match(await hoverText(17), /SEP-77\*\* is not in this workspace/, 'the link still leads outside');
});
