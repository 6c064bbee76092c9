import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientWorkspaceIndex, preferClientIndex, type WorkspaceIndexSource } from '../../server/src/features/workspaceIndex';

const FOLDER = 'vscode-vfs://github/example/repo';
const sep = (n: number, title: string, status = 'Draft') => `# SEP-${n}: ${title}\n\n- **Status**: ${status}\n- **Type**: Process\n\n## Abstract\n\n${title}.\n`;
const maintainers = (handle: string) => `# Maintainers\n\n- [${handle}](https://github.com/${handle})\n`;

test('a document sees the nearest seps/ folder and MAINTAINERS.md of its own workspace folder', () => {
  const index = new ClientWorkspaceIndex();
  index.update({
    folder: `${FOLDER}/`,
    full: true,
    files: [
      { uri: `${FOLDER}/seps/12-tides.md`, text: sep(12, 'Tides', 'Final') },
      { uri: `${FOLDER}/seps/README.md`, text: '# Not a SEP\n' },
      { uri: `${FOLDER}/MAINTAINERS.md`, text: maintainers('pat-example') },
      { uri: `${FOLDER}/docs/seps/40-nested.md`, text: sep(40, 'Nested') },
      { uri: 'vscode-vfs://github/other/repo/seps/99-elsewhere.md', text: sep(99, 'Elsewhere') },
    ],
  });
  const top = index.forDocument(`${FOLDER}/seps/0000-draft.md`);
  assert.deepEqual(top.seps.map((s) => [s.number, s.title, s.status, s.location]), [['12', 'Tides', 'Final', `${FOLDER}/seps/12-tides.md`]]);
  assert.deepEqual(top.maintainers.map((m) => m.handle), ['pat-example']);
  const nested = index.forDocument(`${FOLDER}/docs/seps/0000-draft.md`);
  assert.deepEqual(nested.seps.map((s) => s.number), ['40']);
  assert.deepEqual(nested.maintainers.map((m) => m.handle), ['pat-example'], 'MAINTAINERS.md is looked for up to the folder');
  assert.deepEqual(index.forDocument(`${FOLDER}/README.md`).seps.map((s) => s.number), ['12'], 'a sibling seps/ folder counts');
  assert.equal(index.covers('vscode-vfs://github/other/repo/seps/99-elsewhere.md'), false, 'a file outside the folder it was sent for is not kept');
  assert.equal(index.has(`${FOLDER}/seps/12-tides.md`), true);
  assert.equal(index.has(`${FOLDER}/seps/README.md`), false);
});

test('changes and deletions apply; a full update replaces what was sent before', () => {
  const index = new ClientWorkspaceIndex();
  index.update({ folder: FOLDER, full: true, files: [{ uri: `${FOLDER}/seps/12-tides.md`, text: sep(12, 'Tides') }] });
  index.update({ folder: FOLDER, full: false, files: [{ uri: `${FOLDER}/seps/12-tides.md`, text: sep(12, 'Tides and currents', 'Final') }, { uri: `${FOLDER}/seps/13-waves.md`, text: sep(13, 'Waves') }] });
  const doc = `${FOLDER}/seps/0000-x.md`;
  assert.deepEqual(index.forDocument(doc).seps.map((s) => [s.number, s.title, s.status]), [['12', 'Tides and currents', 'Final'], ['13', 'Waves', 'Draft']]);
  index.update({ folder: FOLDER, full: false, files: [], deleted: [`${FOLDER}/seps/12-tides.md`] });
  assert.deepEqual(index.forDocument(doc).seps.map((s) => s.number), ['13']);
  index.update({ folder: FOLDER, full: true, files: [{ uri: `${FOLDER}/MAINTAINERS.md`, text: maintainers('sam') }] });
  assert.deepEqual(index.forDocument(doc), { seps: [], maintainers: [{ name: 'sam', handle: 'sam', group: 'Maintainers' }] });
});

test('the fed index wins inside its folders; the disk index answers elsewhere', () => {
  const fed = new ClientWorkspaceIndex();
  fed.update({ folder: FOLDER, full: true, files: [{ uri: `${FOLDER}/seps/12-tides.md`, text: sep(12, 'Tides') }] });
  const asked: string[] = [];
  const disk: WorkspaceIndexSource = { forDocument: (uri) => (asked.push(uri), { seps: [], maintainers: [] }), fileChanged: () => undefined, forgetAll: () => undefined, maxAgeMs: Infinity };
  const index = preferClientIndex(fed, disk);
  assert.deepEqual(index.forDocument(`${FOLDER}/seps/0000-x.md`).seps.map((s) => s.number), ['12']);
  index.forDocument('file:///w/seps/0000-x.md');
  assert.deepEqual(asked, ['file:///w/seps/0000-x.md']);
  index.maxAgeMs = 5000;
  assert.equal(disk.maxAgeMs, 5000);
  assert.deepEqual(preferClientIndex(fed).forDocument('file:///w/seps/0000-x.md'), { seps: [], maintainers: [] });
});
