/**
 * The parse budget: a long slice parsed in a worker thread is stopped when the check's time is up, the
 * thread that asked goes on, and the next parse gets a new worker. Runs the built dist/server.js as the worker.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParseWorker } from '../../server/src/parse/worker';
import { BudgetedParser, INLINE_SLICE, ParseStopped, type RemoteParser } from '../../server/src/parse/budget';
import { parseSlice } from '../../server/src/sep/markdown';
import { AnalysisStore } from '../../server/src/analysis';
import { diagnosticsOf, statusOf } from '../../server/src/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const SCRIPT = join(__dirname, '..', '..', 'dist', 'server.js');
const HEAD = '# SEP-5150: Lantern Negotiation\n\n- **Status**: Draft\n- **Type**: Process\n\n## Abstract\n\n';
/** A flat list, one top-level block: micromark's slowest input per character that we know of. */
const flatList = (items: number) => HEAD + '1. a\n'.repeat(items);

function worker(t: { skip: (m: string) => void }): ParseWorker | undefined {
  if (existsSync(SCRIPT)) return new ParseWorker(SCRIPT);
  // `npm test` builds first, so under CI a missing bundle is a failure, not a skip.
  if (process.env.CI === 'true') assert.fail(`${SCRIPT} is not built`);
  t.skip('dist/server.js is not built (npm run build)');
  return undefined;
}

test('the worker parses a slice to the same tree as this thread does', (t) => {
  const w = worker(t);
  if (!w) return;
  try {
    const text = `${HEAD}Lanterns [negotiate](https://example.com) *slowly*.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n`;
    assert.deepEqual(w.parse(text, 10_000), parseSlice(text));
  } finally {
    w.stop();
  }
});

test('a parse still running when its time is up is stopped, and the next parse starts a new worker', (t) => {
  const w = worker(t);
  if (!w) return;
  try {
    assert.throws(() => w.parse(flatList(400_000), 50), ParseStopped);
    assert.equal(w.started, 1);
    const small = `${HEAD}Words.\n`;
    assert.deepEqual(w.parse(small, 10_000), parseSlice(small), 'the next parse is answered');
    assert.equal(w.started, 2, 'by a new worker: the stopped one was terminated');
  } finally {
    w.stop();
  }
});

test('short slices stay in this thread, long ones go to the remote parser with the time left', () => {
  const asked: { chars: number; timeoutMs: number }[] = [];
  const remote: RemoteParser = { parse: (text, timeoutMs) => (asked.push({ chars: text.length, timeoutMs }), parseSlice(text)) };
  let clock = 1000;
  const budget = new BudgetedParser(remote, () => clock);
  budget.begin(1500);
  budget.parse('short\n');
  assert.deepEqual(asked, []);
  clock = 1200;
  budget.parse('x'.repeat(INLINE_SLICE + 1));
  assert.deepEqual(asked, [{ chars: INLINE_SLICE + 1, timeoutMs: 300 }]);
  clock = 1501;
  assert.throws(() => budget.parse('short\n'), ParseStopped, 'past the deadline no slice is parsed');
  budget.end();
  assert.doesNotThrow(() => budget.parse('short\n'), 'outside a check there is no limit');
});

test('a check whose parse runs out of time is abandoned with one warning, and the store goes on', (t) => {
  const w = worker(t);
  if (!w) return;
  try {
    const store = new AnalysisStore(() => DEFAULT_SETTINGS, () => '2026-11-25', 100, undefined, w);
    const hostile = TextDocument.create('file:///w/seps/5150-lanterns.md', 'markdown', 1, flatList(200_000));
    const stopped = store.analyze(hostile);
    assert.deepEqual(stopped.abandoned, { afterMs: 100 });
    assert.equal(stopped.doc, undefined);
    const diagnostics = diagnosticsOf(stopped, 'file:///ext/');
    assert.equal(diagnostics.length, 1);
    assert.match(String(diagnostics[0].message), /took longer than 0.1 s and was stopped/);
    assert.deepEqual(statusOf(stopped, hostile.uri, 1), { uri: hostile.uri, version: 1, isSep: true, errors: 0, warnings: 1, other: 0 });
    const fine = store.analyze(TextDocument.create('file:///w/seps/5151-lanterns.md', 'markdown', 1, `${HEAD}Lanterns.\n`));
    assert.equal(fine.abandoned, undefined);
    assert.ok(fine.doc?.title, 'the next document is checked in full');
    assert.equal(store.stats().abandoned, 1);
  } finally {
    w.stop();
  }
});
