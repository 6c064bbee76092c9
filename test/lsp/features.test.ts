import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, DocumentLink, Hover, Location, TextEdit } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './client';

/** A workspace of our own on disk: two SEPs and a MAINTAINERS.md, as the server reads them. */
const root = mkdtempSync(join(tmpdir(), 'sep-features-'));
mkdirSync(join(root, 'seps'));
writeFileSync(join(root, 'seps', '12-tide-tables.md'), '# SEP-12: Tide tables\n\n- **Status**: Final\n- **Type**: Standards Track\n\n## Abstract\n\nTides.\n');
writeFileSync(join(root, 'MAINTAINERS.md'), '# Maintainers\n\n## Core Maintainers\n\n- [Pat Example](https://github.com/pat-example)\n- [Sam Sample](https://github.com/samsample)\n');
const docPath = join(root, 'seps', '4242-weather-reports.md');
const URI = pathToFileURL(docPath).href;
const TEXT = [
  '# SEP-4242: Weather reports',
  '',
  '- **Status**: draft',
  '- **Type**: Standards Track',
  '- **Created**: 2026-01-15',
  '- **Author(s)**: Ada Example <ada@example.org> (@ada-example)',
  '- **Sponsor**: ',
  '- **PR**: #4242',
  '',
  '## Abstract',
  '',
  'Builds on SEP-12 and [its file](./12-tide-tables.md).',
  '',
  '## Specification',
  '',
  'A server MUST answer.',
  '',
  '## ',
  '',
].join('\n');
writeFileSync(docPath, TEXT);

let client: TestClient;
let diagnostics: Diagnostic[];

before(async () => {
  client = await startClient({ rootUri: pathToFileURL(root).href });
  const published = client.diagnostics(URI, 1);
  client.open(URI, TEXT, 1);
  diagnostics = (await published).diagnostics;
});

after(async () => {
  await client?.close();
  rmSync(root, { recursive: true, force: true });
});

const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 1, text), edits);
const pos = (line: number, character: number) => ({ line, character });

test('quick fixes by diagnostic code: missing section, "Add all", canonical status', async () => {
  const missing = diagnostics.filter((d) => d.code === 'section-missing');
  assert.ok(missing.length >= 2, JSON.stringify(diagnostics.map((d) => d.code)));
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: URI },
    range: missing[0].range,
    context: { diagnostics: missing, only: ['quickfix'] },
  })) as CodeAction[];
  const titles = actions.map((a) => a.title);
  assert.ok(titles.includes('Add missing section "Motivation"'), titles.join(' | '));
  assert.equal(titles.filter((t) => t === 'Add all missing sections').length, 1);
  assert.ok(actions.every((a) => a.kind === 'quickfix'));
  const motivation = actions.find((a) => a.title === 'Add missing section "Motivation"')!;
  const out = apply(TEXT, motivation.edit!.changes![URI]);
  assert.ok(out.includes('## Abstract\n\nBuilds on SEP-12 and [its file](./12-tide-tables.md).\n\n## Motivation\n\n<!-- '), out);

  const status = diagnostics.find((d) => d.code === 'status-noncanonical')!;
  const fixes = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: status.range, context: { diagnostics: [status] } })) as CodeAction[];
  assert.deepEqual(fixes.map((a) => a.title), ['Change to "Draft"']);
  assert.ok(apply(TEXT, fixes[0].edit!.changes![URI]).includes('- **Status**: Draft\n'));
});

test('each missing-section diagnostic alone gets the fix for its own section, with data or (dropped by a client) without', async () => {
  const missing = diagnostics.filter((d) => d.code === 'section-missing');
  assert.ok(missing.length >= 3);
  assert.ok(missing.every((d) => d.range.start.line === missing[0].range.start.line), 'all on the title line: the range alone cannot tell them apart');
  for (const d of missing) {
    const section = /"## ([^"]+)"/.exec(String(d.message))![1];
    for (const diagnostic of [d, { ...d, data: undefined }]) {
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: URI }, range: d.range, context: { diagnostics: [diagnostic], only: ['quickfix'] },
      })) as CodeAction[];
      const titles = actions.map((a) => a.title);
      assert.deepEqual(titles, [`Add missing section "${section}"`, 'Add all missing sections'], `${section}${diagnostic.data ? '' : ' without data'}`);
      const out = apply(TEXT, actions[0].edit!.changes![URI]);
      assert.equal(out.split('\n').filter((l) => l.startsWith('## ')).length, TEXT.split('\n').filter((l) => l.startsWith('## ')).length + 1);
      assert.ok(out.includes(`## ${section}\n`), out);
      assert.ok(!actions.some((a) => a.isPreferred), 'a suggestion is never the preferred fix');
    }
  }
});

test('diagnostic messages are plain text, and each links to its rule page shipped with the extension', () => {
  for (const d of diagnostics) {
    assert.doesNotMatch(String(d.message), /\*\*[^*]+\*\*(?![^"]*")|`/, String(d.message));
    const href = d.codeDescription!.href;
    assert.ok(href.startsWith('file://') && href.endsWith(`/docs/rules/${d.code}.md`), href);
    assert.ok(existsSync(new URL(href)), `${href} exists`);
  }
  const sponsor = diagnostics.find((d) => d.code === 'field-empty')!;
  assert.equal(sponsor.message, 'Sponsor has no value. Fill it in or remove the line.');
});

test('source.fixAll.sep only when asked for, and the sep/fixAll request', async () => {
  const onlyFixAll = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: URI }, range: { start: pos(0, 0), end: pos(0, 0) }, context: { diagnostics: [], only: ['source.fixAll'] },
  })) as CodeAction[];
  assert.deepEqual(onlyFixAll.map((a) => a.kind), ['source.fixAll.sep']);
  const fixed = apply(TEXT, onlyFixAll[0].edit!.changes![URI]);
  assert.ok(fixed.includes('- **Status**: Draft\n'));
  // Missing sections are the author's to write: fix-all adds none.
  for (const s of ['Motivation', 'Rationale', 'Backward Compatibility', 'Security Implications', 'Reference Implementation']) assert.ok(!fixed.includes(`## ${s}\n`), s);

  const quickOnly = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: URI }, range: { start: pos(0, 0), end: pos(0, 0) }, context: { diagnostics: [], only: ['quickfix'] },
  })) as CodeAction[];
  assert.deepEqual(quickOnly, []);

  const res = (await client.connection.sendRequest('sep/fixAll', { textDocument: { uri: URI } })) as { version: number; edits: TextEdit[]; applied: number };
  assert.equal(res.version, 1);
  assert.ok(res.applied >= 1);
  assert.equal(apply(TEXT, res.edits), fixed);
  assert.equal(await client.connection.sendRequest('sep/fixAll', { textDocument: { uri: 'file:///nowhere/open.md' } }), null);
});

test('completion: sponsors from MAINTAINERS.md, workspace SEPs after SEP-, missing sections after ##, values', async () => {
  const at = async (line: number, character: number) =>
    ((await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: pos(line, character) })) as CompletionItem[]);
  const sponsors = await at(6, 15);
  assert.deepEqual(sponsors.map((i) => i.label), ['@pat-example', '@samsample', 'None']);
  const seps = await at(11, 14);
  assert.deepEqual(seps.map((i) => [i.label, i.detail]), [['SEP-12', 'Tide tables']]);
  const sections = await at(17, 3);
  assert.deepEqual(sections.map((i) => i.label), ['Motivation', 'Rationale', 'Backward Compatibility', 'Security Implications', 'Reference Implementation']);
  const statuses = await at(2, 14);
  assert.equal(statuses[0].label, 'Draft');
  assert.match(JSON.stringify(statuses[0].documentation), /sponsor/i);
});

test('hover: header field, section heading, SEP-N from the workspace', async () => {
  const hover = async (line: number, character: number) =>
    (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: pos(line, character) })) as Hover | null;
  const field = await hover(3, 5);
  assert.match((field!.contents as { value: string }).value, /^\*\*Type\*\* \(required\)/);
  const section = await hover(13, 5);
  assert.match((section!.contents as { value: string }).value, /^\*\*Specification\*\*: a required SEP section/);
  const ref = await hover(11, 12);
  assert.equal((ref!.contents as { value: string }).value, '**SEP-12: Tide tables**\n\nStatus: Final · `12-tide-tables.md`');
  assert.equal(await hover(15, 3), null);
});

test('document links and go to definition lead to the workspace file', async () => {
  const target = pathToFileURL(join(root, 'seps', '12-tide-tables.md')).href;
  const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: URI } })) as DocumentLink[];
  assert.deepEqual(links.map((l) => [l.range.start.line, l.range.start.character, l.target]), [[11, 10, target], [11, 21, target]]);
  const def = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: URI }, position: pos(11, 12) })) as Location;
  assert.equal(def.uri, target);
});

test('title number against the file name: the reverse fix renames the file', async () => {
  const uri = pathToFileURL(join(root, 'seps', '4243-weather-reports.md')).href;
  const text = TEXT.replace('- **Sponsor**: ', '- **Sponsor**: None');
  const published = client.diagnostics(uri, 1);
  client.open(uri, text, 1);
  const mismatch = (await published).diagnostics.find((d) => d.code === 'title-file-number-mismatch');
  assert.ok(mismatch);
  const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: mismatch.range, context: { diagnostics: [mismatch] } })) as CodeAction[];
  const rename = actions.find((a) => a.title === 'Rename the file to 4242-weather-reports.md (the title\'s number)');
  assert.ok(rename, actions.map((a) => a.title).join(' | '));
  assert.deepEqual(rename.edit!.documentChanges, [{ kind: 'rename', oldUri: uri, newUri: URI }]);
});
