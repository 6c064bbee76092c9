/**
 * `sep/status`: after each analysis the server tells the client the document's Status and its problem counts,
 * for the status bar, so that the extension never parses a SEP itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { STATUS_NOTIFICATION, type StatusParams } from '../../common/protocol';
import { startClient } from './client';

/** A SEP with a Status and problems. */
const uri = 'file:///work/seps/0000-status-demo.md';
const text = '# SEP-0000: Status demo\n\n- **Status**: draft\n- **Type**: Standards Track\n\n## Abstract\n\nA demo.\n';

test('sep/status follows each analysed version, with counts equal to the diagnostics published for it', async () => {
  const client = await startClient({ initializationOptions: { status: true } });
  try {
    const statuses: StatusParams[] = [];
    const waiting: ((s: StatusParams) => void)[] = [];
    client.connection.onNotification(STATUS_NOTIFICATION, (s: StatusParams) => {
      statuses.push(s);
      waiting.shift()?.(s);
    });
    const next = () => new Promise<StatusParams>((resolve) => waiting.push(resolve));
    const count = (p: PublishDiagnosticsParams, severities: number[]) => p.diagnostics.filter((d) => severities.includes(d.severity!)).length;

    let diagnostics = client.diagnostics(uri, 1);
    let status = next();
    client.open(uri, text, 1);
    const [d1, s1] = await Promise.all([diagnostics, status]);
    assert.deepEqual(
      { ...s1 },
      { uri, version: 1, isSep: true, status: 'draft', errors: count(d1, [1]), warnings: count(d1, [2]), other: count(d1, [3]) },
    );
    assert.ok(s1.errors + s1.warnings > 0, 'the demo has problems');

    diagnostics = client.diagnostics(uri, 2);
    status = next();
    client.change(uri, 2, [{ text: text.replace('draft', 'In-Review') }]);
    const [d2, s2] = await Promise.all([diagnostics, status]);
    assert.equal(s2.version, 2);
    assert.equal(s2.status, 'In-Review');
    assert.equal(s2.errors + s2.warnings + s2.other, d2.diagnostics.filter((d) => d.severity !== 4).length);

    const other = 'file:///work/notes/readme.md';
    status = next();
    client.open(other, '# Notes\n\nNot a proposal.\n', 1);
    assert.deepEqual({ ...(await status) }, { uri: other, version: 1, isSep: false, errors: 0, warnings: 0, other: 0 });
  } finally {
    await client.close();
  }
});

test('a client that does not ask for sep/status (any LSP client) gets the diagnostics without it', async () => {
  const client = await startClient();
  try {
    let statuses = 0;
    client.connection.onNotification(STATUS_NOTIFICATION, () => void statuses++);
    const diagnostics = client.diagnostics(uri, 1);
    client.open(uri, text, 1);
    assert.ok((await diagnostics).diagnostics.length > 0, 'the demo has problems');
    const changed = client.diagnostics(uri, 2);
    client.change(uri, 2, [{ text: text.replace('draft', 'In-Review') }]);
    await changed;
    // The server sends sep/status right after the diagnostics of a version, and a connection keeps the order of
    // messages: by the answer to a later request, any status sent would have arrived.
    await client.connection.sendRequest('sep/stats');
    assert.equal(statuses, 0);
  } finally {
    await client.close();
  }
});
