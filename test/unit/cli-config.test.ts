import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../server/src/cli';
import { parseJsonc, sepSection } from '../../server/src/cli/config';
import { ONE_WARNING } from '../support/cliFixtures';

function capture(argv: string[], cwd?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = run(argv, (s) => out.push(s), (s) => err.push(s));
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    process.chdir(before);
  }
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sep-cli-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}


const SETTINGS_JSONC = `{
  // the maintainers treat a missing section as an error
  "sep.rules": {
    "section-missing": "error", /* and nothing else */
  },
  "editor.wordWrap": "on",
}
`;

test('the JSONC reader allows comments and trailing commas but keeps them inside strings', () => {
  assert.deepEqual(parseJsonc('{ "a": [1, 2,], // x\n "b": "//not a comment, }", /* c */ }'), { a: [1, 2], b: '//not a comment, }' });
  assert.deepEqual(parseJsonc('\uFEFF{"s": "a\\"/*b*/"}'), { s: 'a"/*b*/' });
  assert.throws(() => parseJsonc('{ "a": }'), SyntaxError);
});

test('dotted settings keys and a nested sep object make one sep section', () => {
  assert.deepEqual(sepSection({ 'sep.rules': { x: 'off' }, 'sep.files.include': ['a/*.md'], sep: { validate: { enable: false } }, 'editor.x': 1 }), {
    rules: { x: 'off' },
    files: { include: ['a/*.md'] },
    validate: { enable: false },
  });
});

test('the workspace .vscode/settings.json sets rule severities for the run', () => {
  const dir = workspace({ 'seps/42-tide-tables.md': ONE_WARNING });
  const plain = capture(['seps'], dir);
  assert.equal(plain.code, 0, plain.err);
  assert.match(plain.out, /warning section-missing/);
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(join(dir, '.vscode', 'settings.json'), SETTINGS_JSONC);
  const configured = capture(['seps'], dir);
  assert.equal(configured.code, 1, 'the warning is an error now');
  assert.match(configured.out, /error section-missing/);
});

test('--config replaces the workspace settings, and sep.files.include chooses the files a folder yields', () => {
  const dir = workspace({
    '.vscode/settings.json': SETTINGS_JSONC,
    'proposals/tide-tables.md': ONE_WARNING.replace('# SEP-42: Tide tables', '# Tide tables'),
    'quiet.json': '{ "sep.rules": { "section-missing": "off", "abstract-length": "off" }, "sep.files.include": ["**/proposals/*.md"] }',
  });
  const defaults = capture(['.'], dir);
  assert.equal(defaults.code, 0);
  assert.doesNotMatch(defaults.out, /tide-tables/, 'not a SEP by default: no seps/ folder, no SEP- title');
  const r = capture(['.', '--config', 'quiet.json'], dir);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /1 file/, 'the include glob picked the proposal');
  assert.doesNotMatch(r.out, /section-missing/, 'the rule is off; the workspace file was not read');
  assert.match(r.err, /quiet\.json: no rule "abstract-length"; ignored/, 'a misspelt id is named, not silently dropped');
});

test('a settings file that cannot be used stops the run with exit 2', () => {
  const dir = workspace({ 'seps/42-tide-tables.md': ONE_WARNING, '.vscode/settings.json': '{ "sep.rules": ' });
  const broken = capture(['seps'], dir);
  assert.equal(broken.code, 2);
  assert.match(broken.err, /settings .*settings\.json are not valid JSON/);
  const missing = capture(['seps', '--config', 'nope.json'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read settings nope\.json: ENOENT/);
  assert.match(capture(['seps', '--help']).out, /--config FILE/);
});
