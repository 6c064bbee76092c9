/**
 * The browser server bundle in a real Web Worker (headless Chromium), spoken to over `postMessage`: a reference SEP
 * turned back into a draft, its Status and Type spelled in lower case, gets the same diagnostics as from the desktop
 * server, the quick fix spells the Status as the template does, fix-all both lines (Type as the authors wrote it);
 * the workspace index the client sends (as on github.dev) feeds completion and hover and tells Set PR Number which
 * names are taken.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, Hover, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { referenceSeps, type RefSep } from '../unit/fixes/corpus';
import { startWorkerSession, workerTestUnavailable, type WorkerSession } from '../support/workerPage';
import { startClient } from './client';

const FOLDER = 'vscode-vfs://github/example/seps-repo';
const STATUS = /^- \*\*Status\*\*: (Final|Draft|Accepted|In-Review)$/m;
/** The reference SEPs are Final, whose findings of form are hints fix-all leaves: the test makes it a draft again. */
const DRAFT_LINE = '- **Status**: Draft';
const TYPE = /^- \*\*Type\*\*: (Standards Track|Informational|Process|Extensions Track)$/m;

let worker: WorkerSession | undefined;
let sep: RefSep | undefined;

before(async () => {
  if (workerTestUnavailable()) return;
  worker = await startWorkerSession();
  await worker.request('initialize', {
    processId: null,
    rootUri: null,
    workspaceFolders: [{ uri: FOLDER, name: 'seps-repo' }],
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { settings: {}, ruleDocsRoot: 'https://extension.example/sep-authoring/' },
  });
  await worker.notify('initialized', {});
});

after(async () => {
  await worker?.close();
});

/** A reference SEP whose Status and Type are spelled canonically, so misspelling them is the only change. */
function pick(t: { skip(msg: string): void }): RefSep | undefined {
  const unavailable = workerTestUnavailable();
  if (unavailable) {
    if (process.env.CI === 'true') throw new Error(unavailable);
    t.skip(unavailable);
    return undefined;
  }
  sep ??= referenceSeps(t)?.find((s) => STATUS.test(s.text) && TYPE.test(s.text));
  return sep;
}

/** The reference text as a draft with its Status and Type in lower case: two findings with certain fixes. */
function misspelled(text: string): string {
  return text.replace(STATUS, '- **Status**: draft').replace(TYPE, (line) => line.toLowerCase().replace('- **type**', '- **Type**'));
}

const apply = (uri: string, text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
const comparable = (ds: Diagnostic[]) => ds.map((d) => ({ code: d.code, range: d.range, message: d.message, severity: d.severity })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

test('diagnostics, a quick fix and fix-all on a reference SEP, the same as the desktop server\'s', async (t) => {
  const ref = pick(t);
  if (!ref || !worker) return;
  const uri = `${FOLDER}/seps/${ref.fileName}`;
  const text = misspelled(ref.text);
  assert.notEqual(text, ref.text);
  const published = worker.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, 20_000);
  await worker.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const { diagnostics } = await published;
  const codes = diagnostics.map((d) => d.code);
  assert.ok(codes.includes('status-noncanonical') && codes.includes('type-noncanonical'), codes.join(', '));
  const status = diagnostics.find((d) => d.code === 'status-noncanonical')!;
  assert.equal(status.codeDescription?.href, 'https://extension.example/sep-authoring/docs/rules/status-noncanonical.md');

  const desktop = await startClient();
  try {
    const fileUri = `file:///workspace/seps/${ref.fileName}`;
    const fromDesktop = desktop.diagnostics(fileUri, 1, 20_000);
    desktop.open(fileUri, text);
    assert.deepEqual(comparable(diagnostics), comparable((await fromDesktop).diagnostics));
  } finally {
    await desktop.close();
  }

  const actions = await worker.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: status.range, context: { diagnostics: [status], only: ['quickfix'] } });
  assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
  const fixedStatus = apply(uri, text, actions[0].edit!.changes![uri]);
  assert.equal(STATUS.exec(fixedStatus)?.[0], DRAFT_LINE);
  assert.notEqual(TYPE.exec(fixedStatus)?.[0], TYPE.exec(ref.text)![0], 'the quick fix touches its own line only');

  const all = await worker.request<{ version: number; edits: TextEdit[]; applied: number }>('sep/fixAll', { textDocument: { uri } });
  assert.equal(all.version, 1);
  assert.ok(all.applied >= 2, `${all.applied} fixes applied`);
  const fixed = apply(uri, text, all.edits);
  assert.equal(STATUS.exec(fixed)?.[0], DRAFT_LINE);
  assert.equal(TYPE.exec(fixed)?.[0], TYPE.exec(ref.text)![0]);
});

test('the workspace index the client sends feeds completion and hover (no disk in the worker)', async (t) => {
  const ref = pick(t);
  if (!ref || !worker) return;
  await worker.notify('sep/workspaceIndex', {
    folder: FOLDER,
    full: true,
    files: [
      { uri: `${FOLDER}/seps/12-tide-tables.md`, text: '# SEP-12: Tide tables\n\n- **Status**: Final\n- **Type**: Standards Track\n\n## Abstract\n\nTides.\n' },
      { uri: `${FOLDER}/MAINTAINERS.md`, text: '# Maintainers\n\n## Core Maintainers\n\n- [Pat Example](https://github.com/pat-example)\n' },
    ],
  });
  const uri = `${FOLDER}/seps/0000-lanterns.md`;
  const text = '# SEP-0000: Lanterns\n\n- **Status**: Draft\n- **Type**: Process\n- **Sponsor**: \n\n## Abstract\n\nBuilds on SEP-12.\n';
  const published = worker.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, 20_000);
  await worker.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await published;
  const sponsors = await worker.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 15 } });
  assert.deepEqual(sponsors.map((i) => i.label), ['@pat-example', 'None']);
  const hover = await worker.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 14 } });
  assert.equal((hover?.contents as { value: string } | undefined)?.value, '**SEP-12: Tide tables**\n\nStatus: Final · `12-tide-tables.md`');

  await worker.notify('sep/workspaceIndex', { folder: FOLDER, full: false, files: [], deleted: [`${FOLDER}/seps/12-tide-tables.md`] });
  const gone = await worker.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 14 } });
  assert.doesNotMatch(JSON.stringify(gone), /Tide tables/);

  // Set PR Number: one edit renaming within the virtual file system; a name the index holds is taken.
  const numbered = await worker.request<{ edit: { documentChanges: unknown[] }; newUri: string }>('sep/setPrNumber', { textDocument: { uri }, number: '4242', repository: 'example/seps-repo' });
  assert.equal(numbered.newUri, `${FOLDER}/seps/4242-lanterns.md`);
  assert.deepEqual(numbered.edit.documentChanges[0], { kind: 'rename', oldUri: uri, newUri: numbered.newUri, options: { overwrite: false } });
  await worker.notify('sep/workspaceIndex', { folder: FOLDER, full: false, files: [{ uri: `${FOLDER}/seps/4243-lanterns.md`, text: '# SEP-4243: Lanterns\n' }] });
  const taken = await worker.request<{ error?: string }>('sep/setPrNumber', { textDocument: { uri }, number: '4243', repository: 'example/seps-repo' });
  assert.match(taken.error ?? '', /4243-lanterns\.md already exists/);
});
