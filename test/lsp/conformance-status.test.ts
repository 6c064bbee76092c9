/**
 * `sep/conformanceStatus`: the traceability data the editor read from the conformance repository reaches the
 * `conformance-tests` rule and the title hover, and a malformed message changes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { CONFORMANCE_STATUS_NOTIFICATION, type ConformanceStatusParams } from '../../common/protocol';
import { startClient } from './client';

const URI = 'file:///work/seps/4321-lantern-pings.md';
const TEXT = [
  '# SEP-4321: Lantern Pings',
  '',
  '- **Status**: Final',
  '- **Type**: Standards Track',
  '- **Created**: 2026-04-02',
  '- **Author(s)**: Ada Example (@ada-example)',
  '- **Sponsor**: @sponsor-example',
  '- **PR**: #4321',
  '',
  '## Abstract',
  '',
  'Lanterns ping.',
  '',
  '## Specification',
  '',
  'A lantern MUST answer a ping. The conformance scenario covers it.',
  '',
].join('\n');

const status = (seps: ConformanceStatusParams['seps']): ConformanceStatusParams => ({ repository: 'example-org/conformance', fetchedAt: '2026-11-25T10:00:00Z', seps });

test('conformance data pushed by the editor decides conformance-tests and shows in the title hover', async () => {
  const client = await startClient({ settings: { finalSeps: 'full' } });
  try {
    const codes = async (next: Promise<PublishDiagnosticsParams>) =>
      (await next).diagnostics.filter((d) => d.code === 'conformance-tests').map((d) => String(d.message));
    const hover = async () => {
      const h = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 14 } })) as Hover | null;
      return h ? (h.contents as MarkupContent).value : '';
    };

    let published = client.diagnostics(URI, 1);
    client.open(URI, TEXT, 1);
    assert.deepEqual(await codes(published), [], 'without data, the mention in the text is enough');
    assert.doesNotMatch(await hover(), /conformance/);

    published = client.diagnostics(URI);
    void client.connection.sendNotification(CONFORMANCE_STATUS_NOTIFICATION, status([{ sep: 1111, tested: 1, untested: 0, excluded: 0 }]));
    const missing = await codes(published);
    assert.equal(missing.length, 1);
    assert.match(missing[0], /example-org\/conformance has no traceability data for SEP-4321/);
    assert.match(await hover(), /has no traceability data for this SEP/);

    published = client.diagnostics(URI);
    void client.connection.sendNotification(CONFORMANCE_STATUS_NOTIFICATION, status([{ sep: 4321, tested: 5, untested: 2, excluded: 3 }]));
    assert.deepEqual(await codes(published), []);
    assert.match(await hover(), /SEP-4321 conformance\*\* \(`example-org\/conformance`\): 5 tested · 2 untested · 3 excluded/);

    void client.connection.sendNotification(CONFORMANCE_STATUS_NOTIFICATION, { repository: 'x/y', seps: [{ sep: -1, tested: 'many' }] });
    void client.connection.sendNotification(CONFORMANCE_STATUS_NOTIFICATION, { repository: 'not a repo', seps: [] });
    assert.match(await hover(), /5 tested · 2 untested · 3 excluded/, 'malformed messages are ignored');

    published = client.diagnostics(URI);
    void client.connection.sendNotification(CONFORMANCE_STATUS_NOTIFICATION, null);
    assert.deepEqual(await codes(published), [], 'cleared: back to the text check');
    assert.doesNotMatch(await hover(), /conformance/);
  } finally {
    await client.close();
  }
});
