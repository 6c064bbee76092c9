/// <reference types="mocha" />
/**
 * SEP Authoring as a web extension: the launcher installs a package with only the `browser` entry, so code-server
 * runs it in its Web Worker extension host, with the language server in a Web Worker of its own. This suite runs
 * in the runner's (Node) host and sees the web extension only through the editor: a SEP on a virtual file system
 * (`vscode-vfs:`, served by this suite) gets its diagnostics, and the quick fix the editor offers corrects it.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, ruleId, waitForDiagnostics, withTimeout } from '../suite/helpers';
import { MemFs } from './memFs';

const ROOT = vscode.Uri.parse('vscode-vfs://sep-e2e/example/seps-repo');
const SEP = vscode.Uri.joinPath(ROOT, 'seps', '0000-lanterns.md');
const TEXT = '# SEP-0000: Lanterns\n\n- **Status**: draft\n- **Type**: Process\n- **Created**: 2026-11-30\n- **Author(s)**: Pat Example (@pat-example)\n- **Sponsor**: None\n\n## Abstract\n\nLanterns for everyone.\n';

describe('the web extension (browser entry only) on a virtual file system', function () {
  const fs = new MemFs();
  let registration: vscode.Disposable | undefined;

  before(() => {
    registration = vscode.workspace.registerFileSystemProvider('vscode-vfs', fs, { isCaseSensitive: true });
    fs.put(SEP, TEXT);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    registration?.dispose();
  });

  it('does not run in this (Node) extension host: the web worker extension host has it', () => {
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID), undefined);
  });

  it('checks a SEP opened from the virtual file system and fixes it with the quick fix offered', async function () {
    this.timeout(180_000);
    const document = await vscode.workspace.openTextDocument(SEP);
    assert.equal(document.languageId, 'markdown');
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(SEP, (ds) => ds.some((d) => ruleId(d) === 'status-noncanonical'), 'the web server\'s diagnostics on vscode-vfs:', 120_000);
    const status = diagnostics.find((d) => ruleId(d) === 'status-noncanonical')!;
    assert.equal(status.range.start.line, 2);
    const actions = await withTimeout(
      Promise.resolve(vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', SEP, status.range, vscode.CodeActionKind.QuickFix.value)),
      30_000, 'code actions',
    );
    const fix = actions.find((a) => a.title === 'Change to "Draft"');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(2).text, '- **Status**: Draft');
    await waitForDiagnostics(SEP, (ds) => !ds.some((d) => ruleId(d) === 'status-noncanonical'), 'the diagnostics after the fix', 30_000);
    assert.ok(await document.save());
    assert.match(new TextDecoder().decode(fs.readFile(SEP)), /^- \*\*Status\*\*: Draft$/m);
  });
});
