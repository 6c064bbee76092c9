import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startClient } from './client';
import type { ServerStats } from '../../server/src/server';
import { PREVIEW_NOTIFICATION } from '../../common/protocol';

const URI = 'file:///preview/seps/0042-preview.md';
/** A SEP of our own: a bad status and missing sections. */
const TEXT = ['# SEP-42: Preview', '', '- **Status**: Drafty', '- **Type**: Process', '', '## Abstract', '', 'Short.', ''].join('\n');
/** What the user set: one of the document's findings turned off. */
const SETTINGS = { rules: { 'status-invalid': 'off' } };

const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => String(d.code)).sort();

test('a document previewed before initialize is checked with the settings the client gives, like any other', { timeout: 30_000 }, async () => {
  const previewed = await startClient({
    settings: SETTINGS,
    beforeInitialize: (connection) => void connection.sendNotification(PREVIEW_NOTIFICATION, { uri: URI, text: TEXT }),
  });
  const plain = await startClient({ settings: SETTINGS });
  try {
    const [a, b] = [previewed.diagnostics(URI, 1), plain.diagnostics(URI, 1)];
    previewed.open(URI, TEXT, 1);
    plain.open(URI, TEXT, 1);
    const [fromPreviewed, fromPlain] = await Promise.all([a, b]);
    assert.deepEqual(codes(fromPreviewed), codes(fromPlain));
    assert.ok(codes(fromPlain).includes('section-missing') && !codes(fromPlain).includes('status-invalid'), codes(fromPlain).join(', '));
    const stats = await previewed.connection.sendRequest<ServerStats>('sep/stats');
    assert.equal(stats.analyses, 2, 'the preview was checked, then the opened document');
    // An edit after the preview is checked as usual.
    const edited = previewed.diagnostics(URI, 2);
    previewed.change(URI, 2, [{ range: { start: { line: 2, character: 14 }, end: { line: 2, character: 20 } }, text: 'Draft' }]);
    assert.ok(codes(await edited).includes('section-missing'));
  } finally {
    await Promise.all([previewed.close(), plain.close()]);
  }
});

test('a malformed preview is ignored with a warning, and the server goes on', { timeout: 30_000 }, async () => {
  const client = await startClient({ beforeInitialize: (connection) => void connection.sendNotification(PREVIEW_NOTIFICATION, { uri: 42 }) });
  try {
    const diagnostics = client.diagnostics(URI, 1);
    client.open(URI, TEXT, 1);
    assert.ok(codes(await diagnostics).includes('status-invalid'));
  } finally {
    await client.close();
  }
});
