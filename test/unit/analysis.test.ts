import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisStore } from '../../server/src/analysis';
import { diagnosticsOf } from '../../server/src/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { MAX_CHECKED_CHARS } from '../../server/src/sep';

const TEXT = '# SEP-5150: Lantern Negotiation\n\n- **Status**: Draft\n- **Type**: Process\n\n## Abstract\n\nLanterns.\n';
const docAt = (i: number, text = TEXT) => TextDocument.create(`file:///w/seps/${5150 + i}-lantern.md`, 'markdown', 1, text);

test('a check past its time budget is abandoned with one clear diagnostic', () => {
  let clock = 0;
  // Every reading of the clock moves it 1 ms: with a 5 ms budget the check stops after a few rules.
  const store = new AnalysisStore(() => DEFAULT_SETTINGS, () => '2026-11-25', 5, () => clock++);
  const analysis = store.analyze(docAt(0));
  assert.deepEqual(analysis.abandoned, { afterMs: 5 });
  const diagnostics = diagnosticsOf(analysis, 'file:///sep-authoring/');
  const notes = diagnostics.filter((d) => /took longer than 0.005 s and was stopped/.test(String(d.message)));
  assert.equal(notes.length, 1);
  assert.equal(store.stats().abandoned, 1);
  const roomy = new AnalysisStore(() => DEFAULT_SETTINGS, () => '2026-11-25');
  const full = roomy.analyze(docAt(0));
  assert.equal(full.abandoned, undefined);
  assert.ok(full.findings.length > 0);
  assert.ok(full.findings.length > analysis.findings.length, 'the abandoned check has fewer findings');
});

test('the parse cache is sized by memory: many small documents all keep their trees, huge ones do not', () => {
  const store = new AnalysisStore(() => DEFAULT_SETTINGS, () => '2026-11-25');
  for (let i = 0; i < 40; i++) store.analyze(docAt(i));
  assert.equal(store.stats().parsersKept, 40, 'forty small SEPs fit (a count of 6 kept only six)');
  // Just under the size the engine checks: eight of them (about 80 MB of trees) do not all fit in 64 MB.
  const big = TEXT + 'Lanterns negotiate words. '.repeat(10_000) + '\n';
  for (let i = 100; i < 108; i++) store.analyze(docAt(i, big));
  const { parsersKept, parsedBytes } = store.stats();
  assert.ok(parsersKept < 48, `${parsersKept} trees kept after eight ~260 KB documents`);
  assert.ok(parsedBytes <= 64 * 1024 * 1024, `${parsedBytes} bytes estimated`);
});

test('the store counts the checks it runs, not the answers from its cache', () => {
  const store = new AnalysisStore(() => DEFAULT_SETTINGS, () => '2026-11-25');
  const d = docAt(0);
  store.analyze(d);
  store.analyze(d);
  assert.equal(store.stats().analyses, 1);
  store.analyze(TextDocument.update(d, [{ text: TEXT + 'More.\n' }], 2));
  assert.equal(store.stats().analyses, 2);
});

test('a closed document keeps its parser: reopened, only what changed is parsed again, and the result is the new text\'s', () => {
  const store = new AnalysisStore(() => DEFAULT_SETTINGS, () => '2026-11-25');
  const text = `${TEXT}\n## Motivation\n\nWhy.\n\n## Specification\n\nHow.\n\n## Rationale\n\nBecause.\n`;
  const d = docAt(0, text);
  const first = store.analyze(d);
  const slices = store.stats().slicesParsed;
  assert.ok(slices >= 1);
  store.close(d.uri);
  assert.equal(store.stats().parsersKept, 1, 'the closed document\'s parser is kept');
  // Reopened as the editor reopens a file: version 1 again.
  const again = store.analyze(docAt(0, text));
  assert.equal(store.stats().slicesParsed, slices, 'nothing parsed again');
  assert.equal(store.stats().analyses, 2, 'but checked again: the result was not kept');
  const seen = (a: { findings: { rule: string; message: string; range: unknown }[] }) => a.findings.map((f) => [f.rule, f.message, f.range]);
  assert.deepEqual(seen(again), seen(first));
  // Closed, then reopened at version 1 with other text: the new text's findings, one chunk parsed.
  store.close(d.uri);
  const changed = text.replace('# SEP-5150: Lantern Negotiation', '# Lantern Negotiation');
  const reopened = store.analyze(docAt(0, changed));
  assert.equal(store.stats().slicesParsed, slices + 1);
  assert.deepEqual(seen(reopened), seen(new AnalysisStore(() => DEFAULT_SETTINGS, () => '2026-11-25').analyze(docAt(0, changed))));
  assert.ok(seen(reopened).some(([rule]) => rule === 'title-malformed'), 'the new title is checked');
  // Only the four most recently closed are kept.
  store.close(d.uri);
  for (let i = 1; i <= 4; i++) {
    store.analyze(docAt(i, text));
    store.close(docAt(i, text).uri);
  }
  const before = store.stats().slicesParsed;
  store.analyze(docAt(4, text));
  assert.equal(store.stats().slicesParsed, before, 'the most recently closed one is kept');
  store.analyze(docAt(0, changed));
  assert.ok(store.stats().slicesParsed > before, 'the oldest closed one (same text as when closed) is parsed again');
});

test('a document longer than the engine checks is not parsed: one warning says so, and no tree is kept', () => {
  const store = new AnalysisStore(() => DEFAULT_SETTINGS, () => '2026-11-25');
  const huge = TEXT + '> '.repeat(MAX_CHECKED_CHARS / 2) + 'quoted\n';
  const analysis = store.analyze(docAt(0, huge));
  assert.deepEqual(analysis.findings.map((f) => [f.rule, f.severity]), [['document-too-large', 'warning']]);
  assert.match(analysis.findings[0].message, /characters; the SEP check reads files of up to 1,048,576/);
  assert.equal(analysis.abandoned, undefined);
  assert.equal(store.stats().parsersKept, 0);
  const atLimit = store.analyze(docAt(1, (TEXT + 'Words. '.repeat(MAX_CHECKED_CHARS / 7 + 1)).slice(0, MAX_CHECKED_CHARS)));
  assert.ok(!atLimit.findings.some((f) => f.rule === 'document-too-large'), 'a text of exactly the limit is checked');
  assert.ok(atLimit.doc?.title, 'and parsed');
});
