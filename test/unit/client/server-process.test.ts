import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_NODE_OPTIONS, nodeOnlyOptions } from '../../../common/serverProcess';
import { prestartServerProcess, startServerProcess, takeServerProcess } from '../../../client/src/platform/serverProcess';
import { PREVIEW_NOTIFICATION } from '../../../common/protocol';

/** What a started process reports: its Node options (over the IPC channel), or its exit code when it never ran. */
function report(child: ChildProcess): Promise<{ execArgv?: string[]; code?: number | null }> {
  return new Promise((resolve) => {
    child.once('message', (execArgv) => resolve({ execArgv: execArgv as string[] }));
    child.once('exit', (code) => resolve({ code }));
  });
}

test('this Node accepts every option the server is started with', () => {
  const run = spawnSync(process.execPath, [...SERVER_NODE_OPTIONS, '-e', '0'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});

test('the server is started with its Node options, and without V8\'s own once a process refuses them', async () => {
  assert.deepEqual(nodeOnlyOptions(['--max-semi-space-size=1', '--heap-growing-percent=20']), ['--max-semi-space-size=1'], 'the young-generation cap is a Node option; the heap growth is V8\'s');
  assert.ok(nodeOnlyOptions(SERVER_NODE_OPTIONS).length < SERVER_NODE_OPTIONS.length, 'the server is started with an option of V8\'s own');
  const dir = mkdtempSync(join(tmpdir(), 'sep-server-process-'));
  try {
    const script = join(dir, 'server.js');
    writeFileSync(script, 'process.send(process.execArgv, () => process.exit(0));\n');
    assert.deepEqual((await report(startServerProcess(script))).execArgv, [...SERVER_NODE_OPTIONS]);
    // As a Node whose V8 has dropped a flag would: it refuses to start (exit code 9).
    const refused = await report(startServerProcess(script, [], [...SERVER_NODE_OPTIONS, '--no-such-v8-flag-of-ours']));
    assert.equal(refused.code, 9);
    assert.deepEqual((await report(startServerProcess(script))).execArgv, nodeOnlyOptions(SERVER_NODE_OPTIONS), 'the next start leaves V8\'s flags out');
    assert.deepEqual((await report(startServerProcess(script, ['--nolazy']))).execArgv, [...nodeOnlyOptions(SERVER_NODE_OPTIONS), '--nolazy']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the server started early gets the open Markdown documents before anything else, and is taken once for its module', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sep-server-process-'));
  try {
    const script = join(dir, 'server.js');
    // Echoes the first message it receives.
    writeFileSync(script, "process.once('message', (m) => process.send(m, () => process.exit(0)));\n");
    const preview = { uri: 'file:///w/seps/0001-a.md', text: '# SEP-1: A\n' };
    prestartServerProcess(() => [preview], script);
    assert.equal(takeServerProcess(join(dir, 'other.js')), undefined, 'a process for another module is not handed out');
    prestartServerProcess(() => [preview], script);
    const child = takeServerProcess(script);
    assert.ok(child, 'the early process is handed to the client');
    assert.equal(takeServerProcess(script), undefined, 'and only once');
    const echoed = await new Promise((resolve) => child.once('message', resolve));
    assert.deepEqual(echoed, { jsonrpc: '2.0', method: PREVIEW_NOTIFICATION, params: preview });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
