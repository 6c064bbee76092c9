/// <reference types="mocha" />
/**
 * A SEP opened in a window where nothing has started SEP Authoring yet: the SEP is in `proposals/`, not `seps/`
 * (its `# SEP-…` title makes it a SEP), and the runner does not depend on our extension. Opening it starts the
 * extension; the server process started when our code loads checks it at once, and its findings show until the
 * language client publishes its own (client/src/platform/earlyDiagnostics.ts). The folder's settings turn one rule
 * off. What the window shows is sampled every millisecond from the open until the client's diagnostics have
 * settled: it must never show a finding twice, nor the rule turned off, and what shows first must be what the
 * client publishes.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { workspaceRoot } from '../suite/helpers';

const OURS = 'sep-authoring.sep-authoring';
/** A SEP of our own: a status that is not one, and sections missing. */
const TEXT = ['# SEP-4242: Early Lanterns', '', '- **Status**: Drafty', '- **Type**: Standards Track', '- **Created**: 2026-11-30', '- **Author(s)**: Grace (@grace)', '- **PR**: #4242', '', '## Abstract', '', 'Lanterns light up early.', ''].join('\n');
const OFF = 'field-sponsor-missing';

/** The SEP diagnostics of a document as comparable data: rule, link, range, message, severity. */
function sepDiagnostics(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'sep')
    .map((d) => {
      const code = typeof d.code === 'object' ? { value: d.code.value, target: d.code.target.toString() } : d.code;
      const { start, end } = d.range;
      return JSON.stringify([code, [start.line, start.character, end.line, end.character], d.severity, d.message]);
    })
    .sort();
}

describe('a SEP open before the extension starts', function () {
  this.timeout(120_000);

  it('shows its findings once, with the folder\'s settings, from the server started early until the client publishes the same', async () => {
    const ext = vscode.extensions.getExtension(OURS);
    assert.ok(ext, 'SEP Authoring is installed');
    assert.equal(ext.isActive, false, 'nothing has started the extension yet');
    const root = workspaceRoot();
    mkdirSync(join(root, '.vscode'), { recursive: true });
    writeFileSync(join(root, '.vscode', 'settings.json'), JSON.stringify({ 'sep.rules': { [OFF]: 'off' } }));
    mkdirSync(join(root, 'proposals'), { recursive: true });
    const file = join(root, 'proposals', '4242-early-lanterns.md');
    writeFileSync(file, TEXT);
    const uri = vscode.Uri.file(file);
    // The folder's new settings file is read before the document opens.
    for (let i = 0; i < 100 && !vscode.workspace.getConfiguration('sep', uri).get<Record<string, string>>('rules')?.[OFF]; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(vscode.workspace.getConfiguration('sep', uri).get<Record<string, string>>('rules')?.[OFF], 'off');

    const t0 = performance.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const samples: { at: number; active: boolean; shown: string[] }[] = [];
    let last = '';
    let settledSince = 0;
    while (performance.now() - t0 < 60_000) {
      const shown = sepDiagnostics(uri);
      const key = JSON.stringify(shown);
      const at = performance.now() - t0;
      if (key !== last) {
        samples.push({ at, active: ext.isActive, shown });
        last = key;
        settledSince = at;
      }
      // Settled: active, something shown, and nothing changed for 2 s.
      if (ext.isActive && shown.length > 0 && at - settledSince > 2000) break;
      await new Promise((r) => setTimeout(r, 1));
    }
    const first = samples.find((s) => s.shown.length > 0);
    assert.ok(first, 'SEP diagnostics were shown');
    const final = samples[samples.length - 1].shown;
    console.log(`first SEP diagnostics ${first.at.toFixed(0)} ms after the open, ${first.active ? 'after' : 'before'} the extension was active; ${samples.length} changes seen`);
    for (const s of samples) {
      assert.equal(new Set(s.shown).size, s.shown.length, `a finding shown twice at ${s.at.toFixed(0)} ms: ${s.shown.join('\n')}`);
      assert.ok(!s.shown.some((d) => d.includes(`"${OFF}"`)), `the rule the folder turned off was shown at ${s.at.toFixed(0)} ms`);
    }
    assert.ok(final.some((d) => d.includes('"status-invalid"')) && final.some((d) => d.includes('"section-missing"')), final.join('\n'));
    assert.deepEqual(first.shown, final, 'what showed first is what the client published: rules, links, ranges, messages, severities');
    assert.deepEqual(samples.filter((s) => s.shown.length === 0 && s.at > first.at), [], 'once shown, the findings never went away');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
