/**
 * The server's workspace index reads only inside the workspace folder: no `seps/` or MAINTAINERS.md
 * above it, no file or folder reached through a symbolic link that leads out of it. Fixtures are
 * built here in a temporary folder laid out as `outside/`, `parent/seps/` and `parent/ws/` (the workspace).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceIndexer } from '../../server/src/features/workspace';

const base = mkdtempSync(join(tmpdir(), 'sep-ws-confined-'));
after(() => rmSync(base, { recursive: true, force: true }));

const sep = (n: number, title: string) => `# SEP-${n}: ${title}\n\n- **Status**: Draft\n\n## Abstract\n\n${title}.\n`;
const maintainers = (handle: string) => `# Maintainers\n\n- [${handle}](https://github.com/${handle})\n`;
function write(path: string, text: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const parent = join(base, 'parent');
const ws = join(parent, 'ws');
const outside = join(base, 'outside');
write(join(parent, 'seps', '0012-above.md'), sep(12, 'Above the workspace'));
write(join(parent, 'MAINTAINERS.md'), maintainers('above-maintainer'));
write(join(outside, '0077-secret.md'), sep(77, 'Secret outside'));
write(join(outside, 'seps', '0078-linked-folder.md'), sep(78, 'Through a linked folder'));
write(join(outside, 'MAINTAINERS.md'), maintainers('outside-maintainer'));
const doc = write(join(ws, 'notes', '0000-draft.md'), sep(0, 'Draft'));
const inner = join(ws, 'inner');
write(join(inner, 'seps', '0030-inner.md'), sep(30, 'Inner'));
symlinkSync(join(outside, '0077-secret.md'), join(inner, 'seps', '0077-secret.md'));
write(join(ws, 'drafts', '0031-elsewhere-inside.md'), sep(31, 'Elsewhere inside'));
symlinkSync(join('..', '..', 'drafts', '0031-elsewhere-inside.md'), join(inner, 'seps', '0031-linked-inside.md'));
const innerDoc = write(join(inner, 'seps', '0040-open.md'), sep(40, 'Open'));
const linkedWs = join(base, 'linked-ws');
mkdirSync(linkedWs);
symlinkSync(join(outside, 'seps'), join(linkedWs, 'seps'));
symlinkSync(join(outside, 'MAINTAINERS.md'), join(linkedWs, 'MAINTAINERS.md'));
const linkedDoc = write(join(linkedWs, 'docs', '0000-x.md'), sep(0, 'X'));

const numbers = (indexer: WorkspaceIndexer, file: string) => indexer.forDocument(pathToFileURL(file).href).seps.map((s) => s.number).sort();
const handles = (indexer: WorkspaceIndexer, file: string) => indexer.forDocument(pathToFileURL(file).href).maintainers.map((m) => m.handle);

test('a seps/ folder and MAINTAINERS.md above the workspace root are not read', () => {
  const confined = new WorkspaceIndexer(() => [ws]);
  assert.deepEqual(numbers(confined, doc), []);
  assert.deepEqual(handles(confined, doc), []);
  const wider = new WorkspaceIndexer(() => [parent]);
  assert.deepEqual(numbers(wider, doc), ['12'], 'the same files are found when they are inside the workspace');
  assert.deepEqual(handles(wider, doc), ['above-maintainer']);
});

test('a SEP reached through a symbolic link out of the workspace is not indexed; a link inside it is', () => {
  const indexer = new WorkspaceIndexer(() => [ws]);
  const seps = indexer.forDocument(pathToFileURL(innerDoc).href).seps;
  assert.deepEqual(seps.map((s) => s.number).sort(), ['30', '31', '40']);
  assert.ok(!seps.some((s) => /Secret/.test(s.title)));
});

test('a seps/ folder or MAINTAINERS.md that is a link out of the workspace is not read', () => {
  const indexer = new WorkspaceIndexer(() => [linkedWs]);
  assert.deepEqual(numbers(indexer, linkedDoc), []);
  assert.deepEqual(handles(indexer, linkedDoc), []);
});

test('outside every workspace folder only the document\'s own folder is read', () => {
  const none = new WorkspaceIndexer(() => []);
  assert.deepEqual(numbers(none, innerDoc), ['30', '40'], 'its own seps/, without the links that lead out of that folder');
  assert.deepEqual(numbers(none, join(inner, 'notes', 'x.md')), [], 'no walking up to find inner/seps');
  assert.deepEqual(handles(none, doc), []);
  const other = new WorkspaceIndexer(() => [outside]);
  assert.deepEqual(numbers(other, doc), [], 'a folder that does not hold the document confines nothing to it');
});

test('the index is read once and kept current from file events: no request re-reads the disk', () => {
  const dir = join(base, 'events');
  const docFile = write(join(dir, 'seps', '0050-open.md'), sep(50, 'Open'));
  write(join(dir, 'MAINTAINERS.md'), maintainers('first-maintainer'));
  const indexer = new WorkspaceIndexer(() => [dir]);
  assert.deepEqual(numbers(indexer, docFile), ['50']);
  assert.deepEqual(handles(indexer, docFile), ['first-maintainer']);

  // Files written behind the index's back are not seen: requests do not go to the disk...
  const added = write(join(dir, 'seps', '0051-added.md'), sep(51, 'Added'));
  write(join(dir, 'MAINTAINERS.md'), maintainers('second-maintainer'));
  assert.deepEqual(numbers(indexer, docFile), ['50']);
  assert.deepEqual(handles(indexer, docFile), ['first-maintainer']);

  // ...until the client reports them.
  indexer.fileChanged(pathToFileURL(added).href, 'created');
  indexer.fileChanged(pathToFileURL(join(dir, 'MAINTAINERS.md')).href, 'changed');
  assert.deepEqual(numbers(indexer, docFile), ['50', '51']);
  assert.deepEqual(handles(indexer, docFile), ['second-maintainer']);
  assert.equal(indexer.forDocument(pathToFileURL(docFile).href).seps.find((s) => s.number === '51')?.title, 'Added');

  write(added, sep(51, 'Renamed proposal'));
  indexer.fileChanged(pathToFileURL(added).href, 'changed');
  assert.equal(indexer.forDocument(pathToFileURL(docFile).href).seps.find((s) => s.number === '51')?.title, 'Renamed proposal');

  rmSync(added);
  indexer.fileChanged(pathToFileURL(added).href, 'deleted');
  assert.deepEqual(numbers(indexer, docFile), ['50']);
});

test('without file events the index is trusted for maxAgeMs only', () => {
  const dir = join(base, 'no-events');
  const docFile = write(join(dir, 'seps', '0060-open.md'), sep(60, 'Open'));
  let now = 1_000;
  const indexer = new WorkspaceIndexer(() => [dir], 5_000, () => now);
  assert.deepEqual(numbers(indexer, docFile), ['60']);
  write(join(dir, 'seps', '0061-added.md'), sep(61, 'Added'));
  now += 4_000;
  assert.deepEqual(numbers(indexer, docFile), ['60']);
  now += 2_000;
  assert.deepEqual(numbers(indexer, docFile), ['60', '61']);
});
