/**
 * The in-editor benchmark's summary of an extension-host CPU profile (bench/hostProfile.ts): each sample's time
 * goes to the innermost extension on its stack, Node's and VS Code's functions included; the rest is VS Code's or
 * idle.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BENCHMARK, HOST, IDLE, extensionOf, timeByExtension, type CpuProfile } from '../../bench/hostProfile';

const EXT = '/root/.local/share/code-server/extensions';
const APP = '/app/lib/vscode';

test('an extension is named by its folder, without the version; the benchmark suite inside ours is apart', () => {
  assert.equal(extensionOf(`file://${EXT}/sep-authoring.sep-authoring-0.1.0/dist/extension.js`), 'sep-authoring.sep-authoring');
  assert.equal(extensionOf(`${APP}/extensions/markdown-language-features/dist/extension.js`), 'markdown-language-features');
  assert.equal(extensionOf(`${EXT}/sep-authoring.sep-authoring-0.1.0/.e2e-suite/editor.test.js`), BENCHMARK);
  assert.equal(extensionOf(`${APP}/out/vs/workbench/api/node/extensionHostProcess.js`), undefined);
  assert.equal(extensionOf('node:internal/child_process/serialization'), undefined);
  assert.equal(extensionOf('C:\\Users\\a\\.vscode\\extensions\\ms-python.python-2024.1.0\\out\\x.js'), 'ms-python.python');
});

test('time goes to the innermost extension on the stack, and what no extension called is VS Code\'s or idle', () => {
  const md = `${APP}/extensions/markdown-language-features/dist/extension.js`;
  const ours = `${EXT}/sep-authoring.sep-authoring-0.1.0/dist/extension.js`;
  const host = `${APP}/out/vs/workbench/api/node/extensionHostProcess.js`;
  const frame = (url: string, functionName: string) => ({ url, functionName });
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('', '(root)'), children: [2, 3, 9] },
      // VS Code's RPC delivering an event to the built-in, which calls ours back (as a listener would).
      { id: 2, callFrame: frame(host, '$acceptModelChanged'), children: [4] },
      { id: 3, callFrame: frame('', '(idle)') },
      { id: 4, callFrame: frame(md, 'onChange'), children: [5, 6] },
      { id: 5, callFrame: frame('node:internal/child_process/serialization', 'writeChannelMessage') },
      { id: 6, callFrame: frame(ours, 'listener'), children: [7] },
      { id: 7, callFrame: frame(host, 'getDiagnostics'), children: [8] },
      { id: 8, callFrame: frame('', '(garbage collector)') },
      { id: 9, callFrame: frame('', '(program)') },
    ],
    samples: [2, 3, 3, 4, 5, 5, 6, 7, 8, 9],
    timeDeltas: [1000, 2000, 2000, 500, 3000, 1000, 250, 250, 500, 100],
  };
  const got = new Map(timeByExtension(profile));
  assert.deepEqual([...got.keys()].sort(), [HOST, IDLE, 'markdown-language-features', 'sep-authoring.sep-authoring'].sort());
  assert.equal(got.get('markdown-language-features'), 4.5);
  assert.equal(got.get('sep-authoring.sep-authoring'), 1);
  assert.equal(got.get(IDLE), 4);
  assert.equal(got.get(HOST), 1.1);
  // Largest first.
  assert.equal(timeByExtension(profile)[0][0], 'markdown-language-features');
});

test('a stack thousands of frames deep is walked without recursion', () => {
  const depth = 50_000;
  const nodes: CpuProfile['nodes'] = [];
  for (let id = 1; id <= depth; id++) {
    const url = id === 2 ? `${EXT}/a.b-1.0.0/x.js` : 'node:internal/x';
    nodes.push({ id, callFrame: { url, functionName: 'f' }, children: id < depth ? [id + 1] : [] });
  }
  assert.deepEqual(timeByExtension({ nodes, samples: [depth, depth - 1], timeDeltas: [1000, 1000] }), [['a.b', 2]]);
});
