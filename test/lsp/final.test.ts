import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startClient } from './client';

const URI = 'file:///work/seps/5150-lantern-negotiation.md';
/** A Final SEP of ours: sections missing (form), and an `Authors` line the website cannot read (the published page). */
const FINAL = ['# SEP-5150: Lantern Negotiation', '', '- **Status**: Final', '- **Type**: Standards Track', '- **Created**: 2026-03-14', '- **Authors**: Grace (@grace)', '- **Sponsor**: @kind-maintainer', '- **PR**: #5150', '', '## Abstract', '', 'Lanterns agree on a colour.', ''].join('\n');
const HINT = 4;
const WARNING = 2;
const CAPS = { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } };

test('sep.finalSeps: quiet by default; Status set to Draft brings every finding back as you type', async () => {
  const client = await startClient({ settings: {}, capabilities: CAPS });
  try {
    const v1 = client.diagnostics(URI, 1);
    client.open(URI, FINAL, 1);
    const final = (await v1).diagnostics;
    const missing = final.filter((d) => d.code === 'section-missing');
    assert.ok(missing.length > 0);
    for (const d of missing) {
      assert.equal(d.severity, HINT);
      assert.match(String(d.message), /This SEP is Final.*historical records/);
    }
    assert.deepEqual(final.filter((d) => d.severity !== HINT).map((d) => [d.code, d.severity]), [['website-unreadable', WARNING]]);

    const v2 = client.diagnostics(URI, 2);
    client.change(URI, 2, [{ range: { start: { line: 2, character: 14 }, end: { line: 2, character: 19 } }, text: 'Draft' }]);
    const draft = (await v2).diagnostics;
    assert.deepEqual(draft.filter((d) => d.severity === HINT), []);
    assert.ok(draft.filter((d) => d.code === 'section-missing').every((d) => d.severity === WARNING && !/historical/.test(String(d.message))));
    assert.equal(draft.filter((d) => d.code === 'section-missing').length, missing.length);
  } finally {
    await client.close();
  }
});

test('sep.finalSeps: "full" shows a Final SEP\'s findings at their usual severity', async () => {
  const client = await startClient({ settings: { finalSeps: 'full' }, capabilities: CAPS });
  try {
    const p = client.diagnostics(URI, 1);
    client.open(URI, FINAL, 1);
    const found = (await p).diagnostics;
    assert.ok(found.some((d) => d.code === 'section-missing'));
    assert.deepEqual(found.filter((d) => d.severity === HINT), []);
    assert.ok(found.every((d) => !/historical records/.test(String(d.message))));
  } finally {
    await client.close();
  }
});
