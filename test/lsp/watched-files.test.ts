/**
 * The workspace index (SEP numbers and titles for completion, hover and links) is built once and kept current from
 * `workspace/didChangeWatchedFiles`: the server asks the client to watch the files it is made of, and no request
 * reads the disk. Our own small workspace in a temporary folder.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './client';

const root = mkdtempSync(join(tmpdir(), 'sep-watched-'));
mkdirSync(join(root, 'seps'));
writeFileSync(join(root, 'seps', '12-tide-tables.md'), '# SEP-12: Tide tables\n\n- **Status**: Final\n');
const docPath = join(root, 'seps', '4242-weather-reports.md');
const URI = pathToFileURL(docPath).href;
const TEXT = '# SEP-4242: Weather reports\n\n- **Status**: Draft\n\n## Abstract\n\nSee SEP-\n';
writeFileSync(docPath, TEXT);

let client: TestClient;

before(async () => {
  client = await startClient({
    rootUri: pathToFileURL(root).href,
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  const published = client.diagnostics(URI, 1);
  client.open(URI, TEXT, 1);
  await published;
});

after(async () => {
  await client?.close();
  rmSync(root, { recursive: true, force: true });
});

const sepCompletions = async () =>
  ((await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 6, character: 8 } })) as CompletionItem[])
    .map((i) => `${i.label} ${i.detail}`);

test('the server asks the client to watch seps/, MAINTAINERS.md and traceability files', () => {
  const watch = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
  assert.ok(watch, JSON.stringify(client.registrations));
  const globs = (watch.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
  assert.deepEqual(globs.sort(), ['**/MAINTAINERS.md', '**/sep-*.{yaml,yml}', '**/seps', '**/seps/*.md']);
});

test('a SEP added on disk shows up once the client reports it, not before (no request reads the disk)', async () => {
  assert.deepEqual(await sepCompletions(), ['SEP-12 Tide tables']);
  const added = join(root, 'seps', '13-harbour-maps.md');
  writeFileSync(added, '# SEP-13: Harbour maps\n\n- **Status**: Draft\n');
  assert.deepEqual(await sepCompletions(), ['SEP-12 Tide tables'], 'the index is not re-read on a request');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).href, type: 1 }] });
  assert.deepEqual(await sepCompletions(), ['SEP-12 Tide tables', 'SEP-13 Harbour maps']);
  rmSync(added);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).href, type: 3 }] });
  assert.deepEqual(await sepCompletions(), ['SEP-12 Tide tables']);
});
