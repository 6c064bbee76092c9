import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EarlyDiagnostics, readPreviewDiagnostics, type EarlyDiagnosticsView } from '../../../client/src/platform/earlyDiagnostics';
import { PREVIEW_DIAGNOSTICS_NOTIFICATION, type PreviewDiagnostic } from '../../../common/protocol';

const A = 'file:///w/proposals/0042-a.md';
const B = 'file:///w/proposals/0043-b.md';
const FINDING: PreviewDiagnostic = {
  range: { start: { line: 2, character: 14 }, end: { line: 2, character: 20 } },
  severity: 1,
  code: 'status-invalid',
  codeDescription: { href: 'https://example.test/rules/status-invalid.md' },
  source: 'sep',
  message: '"Drafty" is not a SEP status.',
};
const back = (uri: string, diagnostics: unknown[] = [FINDING]) => ({ jsonrpc: '2.0', method: PREVIEW_DIAGNOSTICS_NOTIFICATION, params: { uri, diagnostics } });

/** A view that records what it shows: the open documents' versions are set by the test. */
function fakeView() {
  const versions = new Map<string, number>();
  const shown = new Map<string, readonly PreviewDiagnostic[]>();
  let disposed = false;
  const view: EarlyDiagnosticsView = {
    versionOf: (uri) => versions.get(uri),
    show: (uri, ds) => void shown.set(uri, ds),
    clear: (uri) => void shown.delete(uri),
    dispose: () => {
      disposed = true;
      shown.clear();
    },
  };
  return { view, versions, shown, disposed: () => disposed };
}

/** Early diagnostics for documents open at these versions, each previewed at its version. */
function previewing(docs: Record<string, number>) {
  const fake = fakeView();
  const early = new EarlyDiagnostics(fake.view);
  for (const [uri, version] of Object.entries(docs)) {
    fake.versions.set(uri, version);
    early.previewed(uri, version);
  }
  return { ...fake, early };
}

test('early diagnostics show for a previewed document at the version previewed, until the client publishes for it', () => {
  const { shown, disposed, early } = previewing({ [A]: 3, [B]: 1 });
  early.receive({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: A, diagnostics: [FINDING] } });
  assert.equal(shown.size, 0, 'only sep/previewDiagnostics is read');
  early.receive(back(A));
  assert.deepEqual(shown.get(A), [FINDING]);
  early.drop(A); // the language client published A's diagnostics
  assert.equal(shown.has(A), false);
  early.receive(back(A));
  assert.equal(shown.has(A), false, 'once the client has published, a late answer is not shown');
  assert.equal(early.active, true, 'B may still get its own');
  early.receive(back(B));
  assert.deepEqual(shown.get(B), [FINDING]);
  early.drop(B);
  assert.equal(early.active, false, 'every previewed document has its client diagnostics: nothing more to do');
  assert.ok(disposed());
});

test('a document edited or closed since the preview gets none: the findings are of another text', () => {
  const { versions, shown, early } = previewing({ [A]: 3, [B]: 1 });
  versions.set(A, 4); // edited before the answer came
  early.receive(back(A));
  versions.delete(B); // closed before the answer came
  early.receive(back(B));
  assert.equal(shown.size, 0);
  early.receive(back('file:///w/never-previewed.md'));
  assert.equal(shown.size, 0, 'nor a document that was not previewed');
});

test('an edit or a close takes a document\'s early diagnostics away; the client stopping takes them all', () => {
  const { shown, disposed, early } = previewing({ [A]: 1, [B]: 1 });
  early.receive(back(A));
  early.receive(back(B));
  early.drop(A); // edited
  assert.deepEqual([...shown.keys()], [B]);
  early.dispose(); // the client stopped before publishing
  assert.equal(shown.size, 0);
  assert.ok(disposed());
  early.previewed(A, 1);
  early.receive(back(A));
  assert.equal(shown.size, 0, 'nothing shows after');
});

test('a malformed answer is not shown', () => {
  const { shown, early } = previewing({ [A]: 1 });
  early.receive(back(A, [{ message: 'no range' }]));
  early.receive({ method: PREVIEW_DIAGNOSTICS_NOTIFICATION, params: { uri: 42, diagnostics: [] } });
  early.receive(undefined);
  assert.equal(shown.size, 0);
  assert.equal(readPreviewDiagnostics(back(A, [{ ...FINDING, message: { kind: 'markdown', value: 'm' } }]))?.diagnostics.length, 1);
});
