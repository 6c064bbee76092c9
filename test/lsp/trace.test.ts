/**
 * Conformance traceability in the server: open `sep-<number>.yaml` documents get the file check, and a SEP whose
 * traceability file is in the workspace gets `trace-uncovered` information on the statements no row covers, kept
 * current as the file is edited; `sep/requirements` lists the statements with their coverage. Our own workspace.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { REQUIREMENTS_REQUEST, type RequirementsResult } from '../../common/protocol';
import { startClient, type TestClient } from './client';

const root = mkdtempSync(join(tmpdir(), 'sep-trace-lsp-'));
mkdirSync(join(root, 'seps'));
mkdirSync(join(root, 'conformance', 'src'), { recursive: true });
const SEP = [
  '# SEP-5150: Lanterns', '', '- **Status**: Draft', '- **Type**: Standards Track', '- **Created**: 2026-01-05', '- **Author(s)**: Grace (@grace)', '',
  '## Specification', '',
  'Lanterns MUST glow amber when a keeper lights them.', '',
  'Keepers SHOULD trim every wick before sunset. Visitors MAY watch.', '',
].join('\n');
const GLOW_ONLY = 'sep: 5150\nspec_url: https://example.test/lanterns\nrequirements:\n  - check: sep-5150-glow\n    text: Lanterns MUST glow amber when a keeper lights them.\n';
const WITH_WICK = `${GLOW_ONLY}  - text: Keepers SHOULD trim every wick before sunset.\n    excluded: Not observable.\n`;
const sepUri = pathToFileURL(join(root, 'seps', '5150-lanterns.md')).href;
const yamlPath = join(root, 'conformance', 'src', 'sep-5150.yaml');
const yamlUri = pathToFileURL(yamlPath).href;
const otherUri = pathToFileURL(join(root, 'seps', '5151-wicks.md')).href;
writeFileSync(join(root, 'seps', '5150-lanterns.md'), SEP);
writeFileSync(yamlPath, GLOW_ONLY);

let client: TestClient;

before(async () => {
  client = await startClient({
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'w' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
});

after(async () => {
  await client?.close();
  rmSync(root, { recursive: true, force: true });
});

const uncovered = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'trace-uncovered');

/** The SEP's diagnostics once they have `n` trace-uncovered findings (re-checks from earlier edits may arrive first). */
async function untilUncovered(n: number, started: Promise<{ diagnostics: Diagnostic[] }>): Promise<Diagnostic[]> {
  let next = started;
  for (;;) {
    const found = uncovered((await next).diagnostics);
    if (found.length === n) return found;
    next = client.diagnostics(sepUri);
  }
}
const lineOf = (needle: string) => SEP.split('\n').findIndex((l) => l.includes(needle));

test('a SEP whose traceability file is in the workspace: information on each uncovered MUST/SHOULD statement', async () => {
  const published = client.diagnostics(sepUri, 1);
  client.open(sepUri, SEP, 1);
  const found = uncovered((await published).diagnostics);
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].severity, 3);
  assert.equal(found[0].range.start.line, lineOf('Keepers SHOULD'));
  assert.match(found[0].message as string, /No row of "sep-5150\.yaml" covers this SHOULD-level statement.*closest is row 1 \("sep-5150-glow"\)/);
});

test('sep/requirements lists the statements with coverage and the traceability file', async () => {
  const r = (await client.connection.sendRequest(REQUIREMENTS_REQUEST, { uri: sepUri })) as RequirementsResult;
  assert.equal(r.sep, 5150);
  assert.equal(r.traceFile, yamlUri);
  assert.deepEqual(r.statements.map((s) => [s.level, s.covered, s.rows, s.headingPath]), [
    ['must', true, [0], ['Specification']],
    ['should', false, [], ['Specification']],
    ['may', false, [], ['Specification']],
  ]);
  assert.deepEqual(r.statements[0].range.start, { line: lineOf('Lanterns MUST'), character: 0 });
  assert.deepEqual(r.statements[0].keywords, ['MUST']);
});

test('an open traceability file gets the file check, and editing it updates the SEP', async () => {
  const damaged = `${GLOW_ONLY}  - check: sep-5150-glow\n    text: Lanterns MUST glow twice.\n`;
  const yamlPublished = client.diagnostics(yamlUri, 1);
  client.open(yamlUri, damaged, 1);
  const ds = (await yamlPublished).diagnostics;
  assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['trace-check-duplicate', 5]]);
  const sepAgain = client.diagnostics(sepUri);
  client.change(yamlUri, 2, [{ text: WITH_WICK }]);
  assert.deepEqual(await untilUncovered(0, sepAgain), [], 'the wick row now covers the SHOULD');
  const r = (await client.connection.sendRequest(REQUIREMENTS_REQUEST, { uri: sepUri })) as RequirementsResult;
  assert.deepEqual(r.statements.map((s) => s.covered), [true, true, false]);
  const closed = client.diagnostics(sepUri);
  void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: yamlUri } });
  assert.equal((await untilUncovered(1, closed)).length, 1, 'closed unsaved: the file on disk counts again');
});

test('a file event for the traceability file re-checks the open SEP; a SEP without one gets no trace findings', async () => {
  writeFileSync(yamlPath, WITH_WICK);
  const after = client.diagnostics(sepUri);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: yamlUri, type: 2 }] });
  assert.deepEqual(await untilUncovered(0, after), []);
  const other = SEP.replace('SEP-5150: Lanterns', 'SEP-5151: Wicks');
  const published = client.diagnostics(otherUri, 1);
  client.open(otherUri, other, 1);
  assert.deepEqual(uncovered((await published).diagnostics), []);
  const r = (await client.connection.sendRequest(REQUIREMENTS_REQUEST, { uri: otherUri })) as RequirementsResult;
  assert.equal(r.traceFile, undefined);
  assert.equal(r.statements.length, 3);
  assert.equal(r.statements[0].covered, undefined);
});

test('a traceability file added on disk counts once the client reports it, not before (no request walks the disk)', async () => {
  const added = join(root, 'conformance', 'sep-5151.yaml');
  writeFileSync(added, GLOW_ONLY.replace(/5150/g, '5151'));
  const before = (await client.connection.sendRequest(REQUIREMENTS_REQUEST, { uri: otherUri })) as RequirementsResult;
  assert.equal(before.traceFile, undefined, 'the workspace is not walked again on a request');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).href, type: 1 }] });
  const after = (await client.connection.sendRequest(REQUIREMENTS_REQUEST, { uri: otherUri })) as RequirementsResult;
  assert.equal(after.traceFile, pathToFileURL(added).href);
  assert.deepEqual(after.statements.map((s) => s.covered), [true, false, false]);
});
