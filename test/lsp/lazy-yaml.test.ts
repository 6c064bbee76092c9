/**
 * The built server loads the `yaml` library (dist/yaml.js) only once it reads a traceability file: a session of SEPs
 * alone never loads it (server/src/sep/trace/yaml.ts). Which files the server process loaded is recorded, as it exits,
 * by a script given to Node with `--require`.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER, startClient } from './client';

const root = mkdtempSync(join(tmpdir(), 'sep-lazy-yaml-'));
after(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'seps'));
const SEP = '# SEP-5150: Lanterns\n\n- **Status**: Draft\n- **Type**: Standards Track\n\n## Specification\n\nLanterns MUST glow.\n';
writeFileSync(join(root, 'seps', '5150-lanterns.md'), SEP);
const sepUri = pathToFileURL(join(root, 'seps', '5150-lanterns.md')).href;
const yamlUri = pathToFileURL(join(root, 'sep-5150.yaml')).href;
const DIST = dirname(SERVER);

/** Runs `session` against a fresh server; resolves with the files under dist/ that its process had loaded when it exited. */
async function loadedBy(name: string, session: (client: Awaited<ReturnType<typeof startClient>>) => Promise<void>): Promise<string[]> {
  const record = join(root, `${name}.json`);
  const preload = join(root, `${name}.js`);
  writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(Object.keys(require.cache))));\n`);
  const client = await startClient({ nodeArgs: ['--require', preload], workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'w' }] });
  try {
    await session(client);
  } finally {
    await client.close();
  }
  const files = JSON.parse(readFileSync(record, 'utf8')) as string[];
  return files.filter((f) => f.startsWith(DIST)).map((f) => relative(DIST, f)).sort();
}

test('checking a SEP does not load the yaml library', async () => {
  const loaded = await loadedBy('sep-only', async (client) => {
    const published = client.diagnostics(sepUri, 1);
    client.open(sepUri, SEP);
    assert.ok((await published).diagnostics.length > 0, 'the SEP was checked');
  });
  assert.deepEqual(loaded, ['server.js']);
});

test('opening a traceability file loads it, and the file is read with it', async () => {
  const loaded = await loadedBy('with-trace', async (client) => {
    const published = client.diagnostics(yamlUri, 1);
    const text = 'sep: 5150\nspec_url: https://modelcontextprotocol.io/specification/draft\nrequirements:\n  - text: Lanterns MUST glow.\n';
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: yamlUri, languageId: 'yaml', version: 1, text } });
    const rules = (await published).diagnostics.map((d) => d.code);
    assert.ok(rules.includes('trace-row-incomplete'), `a row with neither check nor excluded: ${rules.join(', ')}`);
  });
  assert.deepEqual(loaded, ['server.js', 'yaml.js']);
});
