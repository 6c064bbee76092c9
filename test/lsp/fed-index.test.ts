/**
 * The desktop server with a folder it cannot read (`vscode-vfs:`, a remote repository): the index the client sends
 * (`sep/workspaceIndex`) feeds completion and links there, while documents on disk keep the disk's index.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, DocumentLink } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './client';

const FOLDER = 'vscode-vfs://github/example/repo';
const URI = `${FOLDER}/seps/0000-lanterns.md`;
const TEXT = '# SEP-0000: Lanterns\n\n- **Status**: Draft\n- **Type**: Process\n- **Sponsor**: \n\n## Abstract\n\nBuilds on SEP-12.\n';

let client: TestClient;
before(async () => {
  client = await startClient({ workspaceFolders: [{ uri: FOLDER, name: 'repo' }] });
});
after(() => client.close());

test('completion and links come from the files the client sent, and follow its updates', async () => {
  await client.connection.sendNotification('sep/workspaceIndex', {
    folder: FOLDER,
    full: true,
    files: [
      { uri: `${FOLDER}/seps/12-tide-tables.md`, text: '# SEP-12: Tide tables\n\n- **Status**: Final\n' },
      { uri: `${FOLDER}/MAINTAINERS.md`, text: '# Maintainers\n\n- [Pat Example](https://github.com/pat-example)\n' },
    ],
  });
  const published = client.diagnostics(URI, 1);
  client.open(URI, TEXT);
  await published;
  const sponsors = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 4, character: 15 } })) as CompletionItem[];
  assert.deepEqual(sponsors.map((i) => i.label), ['@pat-example', 'None']);
  const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: URI } })) as DocumentLink[];
  assert.deepEqual(links.map((l) => l.target), [`${FOLDER}/seps/12-tide-tables.md`]);

  await client.connection.sendNotification('sep/workspaceIndex', { folder: FOLDER, full: false, files: [{ uri: `${FOLDER}/MAINTAINERS.md`, text: '# Maintainers\n\n- [Sam](https://github.com/samsample)\n' }] });
  const after = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 4, character: 15 } })) as CompletionItem[];
  assert.deepEqual(after.map((i) => i.label), ['@samsample', 'None']);
});

test('malformed index notifications are ignored', async () => {
  for (const params of [null, {}, { folder: FOLDER, full: true, files: 'x' }, { folder: FOLDER, full: false, files: [{ uri: 3, text: null }], deleted: [7] }]) {
    await client.connection.sendNotification('sep/workspaceIndex', params);
  }
  const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: URI } })) as DocumentLink[];
  assert.ok(Array.isArray(links));
  assert.equal(client.stderr(), '');
});
