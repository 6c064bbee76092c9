/**
 * trace-row-unmatched in the server: an open traceability file whose SEP can be read (from the workspace's seps/
 * folder on disk, or an open document, which wins) gets information on each row that matches no normative
 * statement of that SEP, kept current as the SEP is edited. Our own workspace and texts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './client';

const root = mkdtempSync(join(tmpdir(), 'sep-trace-rows-'));
mkdirSync(join(root, 'seps'));
const SEP = [
  '# SEP-5160: Lanterns', '', '- **Status**: Draft', '- **Type**: Standards Track', '- **Created**: 2026-01-05', '- **Author(s)**: Grace (@grace)', '',
  '## Specification', '',
  'Lanterns MUST glow amber when a keeper lights them.', '',
].join('\n');
const FERRY = 'Ferries MUST sound a horn at dawn near the harbour.';
const YAML = [
  'sep: 5160', 'spec_url: https://example.test/lanterns', 'requirements:',
  '  - check: sep-5160-glow', '    text: Lanterns MUST glow amber when a keeper lights them.',
  '  - check: sep-5160-horn', `    text: ${FERRY}`, '',
].join('\n');
const sepUri = pathToFileURL(join(root, 'seps', '5160-lanterns.md')).href;
const yamlUri = pathToFileURL(join(root, 'sep-5160.yaml')).href;
const orphanUri = pathToFileURL(join(root, 'sep-5161.yaml')).href;
writeFileSync(join(root, 'seps', '5160-lanterns.md'), SEP);
writeFileSync(join(root, 'sep-5160.yaml'), YAML);

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

const unmatched = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'trace-row-unmatched');

test('a row that matches nothing in the SEP on disk gets information; the matching row does not', async () => {
  const p = client.diagnostics(yamlUri, 1);
  client.open(yamlUri, YAML, 1);
  const found = unmatched((await p).diagnostics);
  assert.equal(found.length, 1, JSON.stringify(found));
  const ferryLine = YAML.split('\n').findIndex((l) => l.includes('Ferries'));
  assert.ok(found[0].range.start.line <= ferryLine && ferryLine <= found[0].range.end.line, 'on the horn row');
  assert.equal(found[0].severity, 3);
  assert.match(String(found[0].message), /matches no normative statement of SEP-5160/);
});

test('the open SEP wins over the disk, and editing it updates the traceability file', async () => {
  const opened = client.diagnostics(yamlUri);
  client.open(sepUri, SEP, 1);
  await opened;
  let next = client.diagnostics(yamlUri);
  client.change(sepUri, 2, [{ text: `${SEP}\n${FERRY}\n` }]);
  // Re-checks from the open may arrive first: wait for the one without the finding.
  for (let i = 0; i < 5; i++) {
    if (unmatched((await next).diagnostics).length === 0) return;
    next = client.diagnostics(yamlUri);
  }
  assert.fail('the horn row still unmatched after the SEP says it');
});

test('a traceability file whose SEP is nowhere in the workspace gets no row findings', async () => {
  const text = YAML.replace('sep: 5160', 'sep: 5161').replaceAll('sep-5160-', 'sep-5161-');
  const p = client.diagnostics(orphanUri, 1);
  client.open(orphanUri, text, 1);
  const ds = (await p).diagnostics;
  assert.deepEqual(unmatched(ds), []);
  assert.deepEqual(ds.filter((d) => d.severity === 1), [], 'and no error: the file itself is fine');
});

test('with no SEP in the workspace, the SEP the client read from GitHub (sep/traceSep) is compared; a malformed one is ignored', async () => {
  const uri = pathToFileURL(join(root, 'sep-5170.yaml')).href;
  const text = YAML.replace('sep: 5160', 'sep: 5170').replaceAll('sep-5160-', 'sep-5170-');
  const first = client.diagnostics(uri, 1);
  client.open(uri, text, 1);
  assert.deepEqual(unmatched((await first).diagnostics), [], 'nothing to compare with yet');
  void client.connection.sendNotification('sep/traceSep', { number: 5170, uri: 'https://github.com/o/r/blob/HEAD/seps/5170-x.md', text: 42 });
  const fromGitHub = SEP.replace('SEP-5160', 'SEP-5170');
  const next = client.diagnostics(uri, 1);
  void client.connection.sendNotification('sep/traceSep', { number: 5170, uri: 'https://github.com/o/r/blob/HEAD/seps/5170-lanterns.md', text: fromGitHub });
  const found = unmatched((await next).diagnostics);
  assert.equal(found.length, 1, 'the horn row, compared with the SEP from GitHub');
  assert.match(String(found[0].message), /SEP-5170/);
});
