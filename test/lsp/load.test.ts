import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-protocol';
import { startClient } from './client';

const DOCS = 100;
const CHANGES = 20;

const uriOf = (i: number) => `file:///load/seps/${String(1000 + i)}-load-${i}.md`;
/** A SEP of about 20 KB: each check costs the server a few milliseconds, so a burst of changes queues up. */
const textOf = (i: number) =>
  [
    `# SEP-${1000 + i}: Load ${i}`, '', '- **Status**: Draft', '- **Type**: Process', '', '## Abstract', '', 'Changes land here.', '',
    ...Array.from({ length: 40 }, (_, k) => `## Part ${k}\n\n${'Lanterns negotiate SEP-12 and https://example.test/x words. '.repeat(8)}\n`),
  ].join('\n');
/** Inserts one character at the start of the Abstract's text. */
const keystroke = { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: 'x' };

test('100 documents, 20 rapid changes each: final diagnostics for every one, few analyses, a hover answered mid-storm', { timeout: 120_000 }, async (t) => {
  const client = await startClient();
  try {
    const opened = Array.from({ length: DOCS }, (_, i) => client.diagnostics(uriOf(i), 1, 60_000));
    for (let i = 0; i < DOCS; i++) client.open(uriOf(i), textOf(i), 1);
    await Promise.all(opened);
    const before = await client.connection.sendRequest<{ analyses: number }>('sep/stats');
    const publishedBefore = client.published();

    const finals = Array.from({ length: DOCS }, (_, i) => client.diagnostics(uriOf(i), CHANGES + 1, 60_000));
    let hover: Promise<{ answer: Hover | null; publishedMeanwhile: number }> | undefined;
    let sentBeforeHover = 0;
    for (let v = 2; v <= CHANGES + 1; v++) {
      for (let i = 0; i < DOCS; i++) {
        client.change(uriOf(i), v, [keystroke]);
        if (v === CHANGES / 2 && i === DOCS / 2) {
          sentBeforeHover = (v - 2) * DOCS + i + 1;
          hover = client.connection
            .sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(0) }, position: { line: 2, character: 5 } })
            .then((answer) => ({ answer, publishedMeanwhile: client.published() - publishedBefore }));
        }
      }
    }
    const { answer, publishedMeanwhile } = await hover!;
    const last = await Promise.all(finals);
    const after = await client.connection.sendRequest<{ analyses: number }>('sep/stats');

    for (let i = 0; i < DOCS; i++) assert.equal(last[i].version, CHANGES + 1, `${uriOf(i)} ends at its final version`);
    assert.ok(answer !== null, 'the hover over Status is answered');
    // Without coalescing, every change read before the hover is analysed and published first.
    assert.ok(publishedMeanwhile < sentBeforeHover / 4, `${publishedMeanwhile} diagnostics were published before the hover answer, for ${sentBeforeHover} changes sent before it`);
    const runs = after.analyses - before.analyses;
    t.diagnostic(`${runs} analyses for ${DOCS * CHANGES} changes; ${publishedMeanwhile} diagnostics published before the hover answer, ${sentBeforeHover} changes sent before it`);
    assert.ok(runs < (DOCS * CHANGES) / 4, `${runs} analyses for ${DOCS * CHANGES} changes`);
    assert.ok(runs >= DOCS, 'every document was analysed at least once more');
  } finally {
    await client.close();
  }
});

test('a document whose parse would take seconds is stopped at the budget; the server answers and checks the next one', { timeout: 60_000 }, async () => {
  const client = await startClient();
  try {
    const hostile = 'file:///load/seps/5150-flat.md';
    // One top-level list of 200,000 items (1 MB): micromark needs tens of seconds for it, parsed in the worker.
    const text = `# SEP-5150: Flat\n\n- **Status**: Draft\n- **Type**: Process\n\n## Abstract\n\n${'1. a\n'.repeat(200_000)}`;
    const stopped = client.diagnostics(hostile, 1, 30_000);
    client.open(hostile, text, 1);
    const next = client.diagnostics(uriOf(0), 1, 30_000);
    client.open(uriOf(0), textOf(0), 1);
    const hover = client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(0) }, position: { line: 2, character: 5 } });
    const published = await stopped;
    assert.deepEqual(published.diagnostics.map((d) => String(d.message).replace(/\d+(\.\d+)? s/, 'N s')), [
      'The SEP check of this version took longer than N s and was stopped; the findings shown are incomplete. The next edit starts a new check.',
    ]);
    assert.ok((await next).diagnostics.length > 0, 'the next document gets its diagnostics');
    assert.ok((await hover) !== null, 'and its hover is answered');
    const stats = await client.connection.sendRequest<{ abandoned: number }>('sep/stats');
    assert.equal(stats.abandoned, 1);
  } finally {
    await client.close();
  }
});
