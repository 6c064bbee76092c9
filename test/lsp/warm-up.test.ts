import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startClient, type TestClient } from './client';
import type { ServerStats } from '../../server/src/server';

const URI = 'file:///warm/seps/0042-warm.md';
/** A SEP of our own with a few findings (a missing section, a bad status). */
const TEXT = ['# SEP-42: Warm', '', '- **Status**: Drafty', '- **Type**: Process', '', '## Abstract', '', 'Short.', ''].join('\n');

const stats = (client: TestClient) => client.connection.sendRequest<ServerStats>('sep/stats');
const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => String(d.code)).sort();

test('an idle server warms up with a document of its own, then checks real ones as a cold server does', { timeout: 30_000 }, async () => {
  const idle = await startClient();
  const cold = await startClient();
  try {
    // The cold server gets its document at once: its warm-up stops there.
    const coldDiagnostics = cold.diagnostics(URI, 1);
    cold.open(URI, TEXT, 1);
    const fromCold = await coldDiagnostics;
    const stopped = await stats(cold);
    // The idle one finishes its warm-up first.
    const until = Date.now() + 20_000;
    let warm = await stats(idle);
    while (warm.warmUp.ran < warm.warmUp.of && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      warm = await stats(idle);
    }
    assert.ok(warm.warmUp.of > 0 && warm.warmUp.ran === warm.warmUp.of, `warm-up finished: ${JSON.stringify(warm.warmUp)}`);
    assert.equal(warm.analyses, 0, 'the warm-up is not a check of any document');
    const warmDiagnostics = idle.diagnostics(URI, 1);
    idle.open(URI, TEXT, 1);
    const fromWarm = await warmDiagnostics;
    assert.deepEqual(codes(fromWarm), codes(fromCold));
    assert.ok(codes(fromWarm).includes('status-invalid') && codes(fromWarm).includes('section-missing'), `findings: ${codes(fromWarm).join(', ')}`);
    // Once a document is open the warm-up runs no further step.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await stats(cold)).warmUp.ran, stopped.warmUp.ran);
  } finally {
    await Promise.all([idle.close(), cold.close()]);
  }
});
