/**
 * Validate All SEPs in Workspace runs in the server (`sep/validateWorkspace`): it checks the workspace's SEP files,
 * publishes diagnostics for the closed ones, keeps them current from file events, and lets an opened document take
 * over its file. Our own small workspace in a temporary folder.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VALIDATE_WORKSPACE_REQUEST, type ValidationSummary } from '../../common/protocol';
import { startClient, type TestClient } from './client';

const root = mkdtempSync(join(tmpdir(), 'sep-validate-all-'));
mkdirSync(join(root, 'seps'));
const sep = (n: number, title: string, sections: string[]) =>
  [`# SEP-${n}: ${title}`, '', '- **Status**: Draft', '- **Type**: Standards Track', '- **Created**: 2026-01-05',
    '- **Author(s)**: Ada Example (@ada-example)', '- **Sponsor**: None', `- **PR**: #${n}`, '',
    ...sections.flatMap((s) => [`## ${s}`, '', `${s} text.`, '']), ''].join('\n');
const ALL = ['Abstract', 'Motivation', 'Specification', 'Rationale', 'Backward Compatibility', 'Security Implications', 'Reference Implementation'];
const good = join(root, 'seps', '12-tide-tables.md');
const broken = join(root, 'seps', '13-harbour-maps.md');
writeFileSync(good, sep(12, 'Tide tables', ALL));
writeFileSync(broken, sep(13, 'Harbour maps', ALL.filter((s) => s !== 'Motivation')));
writeFileSync(join(root, 'seps', 'README.md'), '# SEPs\n\nThe proposals.\n');
const uri = (p: string) => pathToFileURL(p).href;
const missing = (ds: { code?: unknown }[]) => ds.filter((d) => d.code === 'section-missing').length;

let client: TestClient;
before(async () => {
  client = await startClient({
    rootUri: uri(root),
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
});
after(async () => {
  await client?.close();
  rmSync(root, { recursive: true, force: true });
});

test('checks the closed SEP files and publishes their diagnostics; README.md is not a SEP', async () => {
  const brokenPublished = client.diagnostics(uri(broken));
  const goodPublished = client.diagnostics(uri(good));
  const summary = (await client.connection.sendRequest(VALIDATE_WORKSPACE_REQUEST, {})) as ValidationSummary;
  assert.deepEqual({ ...summary, warnings: summary.warnings > 0 }, { seps: 2, checked: 2, errors: 0, warnings: true, unreadable: 0, cancelled: false });
  assert.equal(missing((await brokenPublished).diagnostics), 1);
  assert.equal(missing((await goodPublished).diagnostics), 0);
  assert.ok(client.registrations.some((r) => JSON.stringify(r.registerOptions).includes('**/*.{md,markdown}')), 'every Markdown file is watched from now on');
});

test('a file fixed on disk is checked again when the client reports the change; a deleted one loses its diagnostics', async () => {
  writeFileSync(broken, sep(13, 'Harbour maps', ALL));
  let published = client.diagnostics(uri(broken));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(broken), type: 2 }] });
  assert.equal(missing((await published).diagnostics), 0);

  const gone = join(root, 'seps', '14-gone.md');
  writeFileSync(gone, sep(14, 'Gone', ['Abstract']));
  published = client.diagnostics(uri(gone));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(gone), type: 1 }] });
  assert.ok(missing((await published).diagnostics) > 0);
  rmSync(gone);
  published = client.diagnostics(uri(gone));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(gone), type: 3 }] });
  assert.deepEqual((await published).diagnostics, []);
});

test('an opened file is checked as typed (the open document wins); closed again, it is checked from disk', async () => {
  const text = sep(12, 'Tide tables', ALL.filter((s) => s !== 'Rationale'));
  let published = client.diagnostics(uri(good), 1);
  client.open(uri(good), text, 1);
  assert.equal(missing((await published).diagnostics), 1, 'the editor text, not the file, is checked');
  published = client.diagnostics(uri(good));
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(good) } });
  assert.equal(missing((await published).diagnostics), 0, 'closed without saving: the file on disk is checked again');
});
