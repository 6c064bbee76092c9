/**
 * The web extension's bundles (dist/web/, built by `npm run build`) run in a browser's extension host and a Web
 * Worker, where no Node built-in exists: they may `require` nothing but `vscode` (the client), and the Node-only
 * parts (the disk index, git, child processes, the code cache) must stay out of them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { builtBundle } from '../support/dist';

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The modules a CommonJS bundle requires at run time. */
function requires(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*(["'`])([^"'`\n]{1,200})\1\s*\)/g)].map((m) => m[2]);
}

/** The built-ins among them, and references to Node's module globals. */
function nodeOnly(code: string): string[] {
  const found = requires(code).filter((m) => BUILTINS.has(m) || BUILTINS.has(m.split('/')[0]));
  for (const global of ['__dirname', '__filename']) if (new RegExp(`\\b${global}\\b`).test(code)) found.push(global);
  return found;
}

const bundle = (name: string): string => builtBundle(join('web', name));

test('the check finds built-ins however they are spelled', () => {
  const code = 'var a=require("node:fs"),b=require(\'path\'),c=require("fs/promises"),d=require("vscode");x(__dirname)';
  assert.deepEqual(nodeOnly(code), ['node:fs', 'path', 'fs/promises', '__dirname']);
});

test('the browser client requires nothing but vscode', () => {
  const code = bundle('extension.js');
  assert.deepEqual(nodeOnly(code), []);
  assert.deepEqual([...new Set(requires(code))], ['vscode']);
  assert.doesNotMatch(code, /child_process|vscode-languageclient\/lib\/node/, 'the desktop platform module was bundled');
});

test('the browser server requires nothing at all and holds none of the disk-reading parts', () => {
  const code = bundle('server.js');
  assert.deepEqual(nodeOnly(code), []);
  assert.deepEqual(requires(code), []);
  assert.doesNotMatch(code, /\bdocument\.createElement\(/, 'a package\'s DOM build (a worker has no document)');
  for (const desktopOnly of ['server/src/features/workspace.ts', 'server/src/features/workspaceCheck.ts', 'server/src/cli/files.ts', 'server/src/nodeHost.ts']) {
    assert.ok(!code.includes(desktopOnly), `${desktopOnly} is in the browser server`);
  }
});
