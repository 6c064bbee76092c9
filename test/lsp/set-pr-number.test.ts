/**
 * `sep/setPrNumber`: the server computes Set PR Number as one workspace edit, rename first, then the title and PR
 * field of the renamed file; it refuses a name that is taken and a document that is no SEP.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { SET_PR_NUMBER_REQUEST, type SetPrNumberResult } from '../../common/protocol';
import { startClient, type TestClient } from './client';

const root = mkdtempSync(join(tmpdir(), 'sep-set-pr-'));
mkdirSync(join(root, 'seps'));
const draftPath = join(root, 'seps', '0000-pagination-hints.md');
const DRAFT = [
  '# SEP-{NUMBER}: Pagination Hints', '',
  '- **Status**: Draft', '- **Type**: Standards Track', '- **Created**: 2026-01-05',
  '- **Author(s)**: Ada Example (@ada-example)', '- **Sponsor**: None',
  '- **PR**: https://github.com/modelcontextprotocol/modelcontextprotocol/pull/{NUMBER}', '',
  '## Abstract', '', 'Servers may hint how many pages a list has.', '',
].join('\n');
writeFileSync(draftPath, DRAFT);
writeFileSync(join(root, 'seps', '4243-pagination-hints.md'), DRAFT.replace('{NUMBER}', '4243'));
const uri = pathToFileURL(draftPath).href;

let client: TestClient;
before(async () => {
  client = await startClient({ rootUri: pathToFileURL(root).href });
  const published = client.diagnostics(uri, 1);
  client.open(uri, DRAFT, 1);
  await published;
});
after(async () => {
  await client?.close();
  rmSync(root, { recursive: true, force: true });
});

const setPr = (number: string, target = uri) =>
  client.connection.sendRequest(SET_PR_NUMBER_REQUEST, { textDocument: { uri: target }, number, repository: 'example-org/specs' }) as Promise<SetPrNumberResult>;

test('one workspace edit: the rename first, then the title and the PR field of the renamed file', async () => {
  const result = await setPr('4242');
  assert.ok('edit' in result, JSON.stringify(result));
  const newUri = pathToFileURL(join(root, 'seps', '4242-pagination-hints.md')).href;
  assert.equal(result.newUri, newUri);
  const [rename, edit] = result.edit.documentChanges as [{ kind: string; oldUri: string; newUri: string }, { textDocument: { uri: string }; edits: TextEdit[] }];
  assert.deepEqual({ ...rename, options: undefined }, { kind: 'rename', oldUri: uri, newUri, options: undefined });
  assert.equal(edit.textDocument.uri, newUri);
  const after = TextDocument.applyEdits(TextDocument.create(newUri, 'markdown', 1, DRAFT), edit.edits);
  assert.equal(after.split('\n')[0], '# SEP-4242: Pagination Hints');
  assert.match(after, /^- \*\*PR\*\*: https:\/\/github\.com\/example-org\/specs\/pull\/4242$/m);
  assert.equal(after.replace(/4242|\{NUMBER\}|example-org\/specs|modelcontextprotocol\/modelcontextprotocol/g, ''), DRAFT.replace(/4242|\{NUMBER\}|example-org\/specs|modelcontextprotocol\/modelcontextprotocol/g, ''), 'nothing else changes');
});

test('refuses a taken name and a document that is no SEP, changing nothing', async () => {
  const taken = await setPr('4243');
  assert.deepEqual(taken, { error: '4243-pagination-hints.md already exists in this folder. Nothing was changed.' });
  const notes = pathToFileURL(join(root, 'notes.md')).href;
  client.open(notes, '# Notes\n\nNot a proposal.\n', 1);
  const notSep = await setPr('4244', notes);
  assert.ok('error' in notSep && /notes\.md is not a SEP file/.test(notSep.error), JSON.stringify(notSep));
});
