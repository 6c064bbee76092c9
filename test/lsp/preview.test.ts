import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startClient } from './client';
import type { ServerStats } from '../../server/src/server';
import { PREVIEW_DIAGNOSTICS_NOTIFICATION, PREVIEW_NOTIFICATION, type PreviewDiagnosticsParams } from '../../common/protocol';

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

/** Starts a server that is sent `previews` before `initialize`, and collects what it sends back for them. */
async function previewing(previews: unknown[], options: Parameters<typeof startClient>[0] = {}) {
  const back: PreviewDiagnosticsParams[] = [];
  const client = await startClient({
    ...options,
    beforeInitialize: (connection) => {
      connection.onNotification(PREVIEW_DIAGNOSTICS_NOTIFICATION, (p: PreviewDiagnosticsParams) => void back.push(p));
      for (const params of previews) void connection.sendNotification(PREVIEW_NOTIFICATION, params);
    },
  });
  return { client, back };
}

test('a preview that carries its settings gets its diagnostics back before initialize: those the opened document gets', { timeout: 30_000 }, async () => {
  const { client, back } = await previewing([{ uri: URI, text: TEXT, settings: SETTINGS }], { settings: SETTINGS });
  const plain = await startClient({ settings: SETTINGS });
  try {
    const expected = plain.diagnostics(URI, 1);
    plain.open(URI, TEXT, 1);
    const published = (await expected).diagnostics;
    assert.equal(back.length, 1, 'one answer, sent before the answer to initialize');
    assert.equal(back[0].uri, URI);
    assert.deepEqual(back[0].diagnostics, published, 'the same diagnostics, rule links and finding identities as published');
    assert.ok(!codes(back[0]).includes('status-invalid'), 'the rule the settings turn off stays off');
    // The document opened afterwards is published as usual; nothing more comes back for previews.
    const opened = client.diagnostics(URI, 1);
    client.open(URI, TEXT, 1);
    assert.deepEqual((await opened).diagnostics, published);
    void client.connection.sendNotification(PREVIEW_NOTIFICATION, { uri: URI.replace('0042', '0043'), text: TEXT, settings: SETTINGS });
    await client.connection.sendRequest('sep/stats');
    assert.equal(back.length, 1, 'a preview after initialize gets nothing back: the server has the client\'s settings by then');
  } finally {
    await Promise.all([client.close(), plain.close()]);
  }
});

test('nothing comes back for a preview without settings, with validation off, or of a file that is not a SEP', { timeout: 30_000 }, async () => {
  const { client, back } = await previewing([
    { uri: URI, text: TEXT },
    { uri: URI.replace('0042', '0044'), text: TEXT, settings: { validate: { enable: false } } },
    { uri: 'file:///preview/notes.md', text: '# Notes\n\nNot a SEP.\n', settings: {} },
  ]);
  try {
    const stats = await client.connection.sendRequest<ServerStats>('sep/stats');
    assert.equal(stats.analyses, 2, 'the two SEPs were checked (the notes are not a SEP)');
    assert.deepEqual(back, []);
  } finally {
    await client.close();
  }
});
