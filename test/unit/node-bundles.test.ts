/**
 * The language server's bundle (dist/server.js, built by `npm run build`) leaves the `yaml` library to dist/yaml.js,
 * loaded when a traceability file is first read (server/src/sep/trace/yaml.ts; test/lsp/lazy-yaml.test.ts checks
 * when). dist/cli.js, one file to copy, and the web worker keep it inside.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { builtBundle } from '../support/dist';

/** A string only the yaml library's code holds: the prefix of its core schema's tags. */
const YAML_CODE = 'tag:yaml.org,2002:';
/** How a bundle loads the library from the file beside it. */
const LOADS_YAML_FILE = /\brequire\(\s*["']\.\/yaml\.js["']\s*\)/;

test('dist/server.js holds no copy of the yaml library and loads ./yaml.js, which does', () => {
  const server = builtBundle('server.js');
  assert.ok(!server.includes(YAML_CODE), 'server.js carries the yaml library');
  assert.match(server, LOADS_YAML_FILE);
  assert.ok(builtBundle('yaml.js').includes(YAML_CODE));
});

test('dist/cli.js and the web worker carry the library themselves', () => {
  for (const name of ['cli.js', join('web', 'server.js')]) {
    const code = builtBundle(name);
    assert.ok(code.includes(YAML_CODE), `${name} lacks the yaml library`);
    assert.doesNotMatch(code, LOADS_YAML_FILE, `${name} needs a file beside it`);
  }
});
