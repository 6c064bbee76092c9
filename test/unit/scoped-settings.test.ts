import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { ScopedSettings } from '../../server/src/scopedSettings';

/** A connection whose client answers `workspace/configuration` with `answer(scopeUri)` for each item. */
function client(answer: (scopeUri: string | undefined) => unknown): Connection {
  return { workspace: { getConfiguration: async (items: { scopeUri?: string }[]) => items.map((i) => answer(i.scopeUri)) } } as unknown as Connection;
}

test('a pull says whether the settings documents get changed', async () => {
  const settings = new ScopedSettings();
  const folders = ['file:///work/a', 'file:///work/b'];
  let folderA: unknown = null;
  const connection = client((scopeUri) => (scopeUri === 'file:///work/a' ? folderA : null));
  assert.equal(await settings.pull(connection, folders), false, 'the first pull learns two folders that set nothing of their own');
  folderA = { rules: { 'title-malformed': 'off' } };
  assert.equal(await settings.pull(connection, folders), true, 'one folder turns a rule off');
  assert.equal(settings.for('file:///work/a/seps/0000-x.md').rules['title-malformed'], 'off');
  assert.equal(settings.for('file:///work/b/seps/0000-x.md').rules['title-malformed'], undefined);
  assert.equal(await settings.pull(connection, folders), false, 'asked again, the same answers');
  folderA = null;
  assert.equal(await settings.pull(connection, folders), true, 'and back');
  assert.equal(settings.setPushed({ validate: { enable: false } }), true, 'pushed settings that differ');
  assert.equal(settings.setPushed({ validate: { enable: false } }), false, 'pushed again');
});
