/// <reference types="mocha" />
/**
 * Conformance traceability in a real editor: the SEP Requirements view lists a SEP's normative statements and goes
 * to one; SEP: Create Conformance Traceability File writes `sep-<number>.yaml` into the workspace's `conformance/`
 * folder, opens it, never overwrites it on a second run, and the server's file check finds no error in it.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { activateExtension, cleanUp, ruleId, waitForDiagnostics, withPrompts, workspaceRoot } from './helpers';

const SEP_TEXT = [
  '# SEP-4321: Lantern Pings',
  '',
  '- **Status**: Draft',
  '- **Type**: Standards Track',
  '- **Created**: 2026-04-02',
  '- **Author(s)**: Ada Example (@ada-example)',
  '- **Sponsor**: @sponsor-example',
  '- **PR**: #4321',
  '',
  '## Abstract',
  '',
  'Lanterns answer pings. Nothing here MUST be listed: this is the Abstract.',
  '',
  '## Motivation',
  '',
  'Clients cannot tell a dark lantern from a slow one.',
  '',
  '## Specification',
  '',
  'A lantern MUST answer a ping within one second. Clients SHOULD retry a ping once.',
  '',
  '### Errors',
  '',
  '- A lantern MUST NOT answer a ping it did not receive.',
  '- Clients MAY log unanswered pings.',
  '',
  '## Rationale',
  '',
  'One retry keeps traffic low.',
  '',
].join('\n');

interface Snapshot {
  uri?: string;
  message?: string;
  groups: Array<{ label: string; statements: Array<{ label: string; level: string; line: number }> }>;
}

interface Created {
  uri: vscode.Uri;
  created: boolean;
}

describe('conformance traceability', function () {
  let sep: vscode.Uri;
  let conformance: string;
  let yamlPath: string;

  before(async () => {
    await activateExtension();
    const root = workspaceRoot();
    mkdirSync(join(root, 'seps'), { recursive: true });
    conformance = join(root, 'conformance');
    mkdirSync(conformance, { recursive: true });
    yamlPath = join(conformance, 'sep-4321.yaml');
    rmSync(yamlPath, { force: true });
    sep = vscode.Uri.file(join(root, 'seps', '4321-lantern-pings.md'));
    writeFileSync(sep.fsPath, SEP_TEXT);
  });

  after(async () => {
    await cleanUp(sep, yamlPath);
    rmSync(conformance, { recursive: true, force: true });
  });

  it('the SEP Requirements view lists the Specification\'s statements by heading, and goes to one', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sep));
    const snapshot = (await vscode.commands.executeCommand<Snapshot>('sep.requirements.refresh'))!;
    assert.equal(snapshot.uri, sep.toString());
    const lines = SEP_TEXT.split('\n');
    const lineOf = (start: string) => lines.findIndex((l) => l.startsWith(start));
    const flat = snapshot.groups.flatMap((g) => g.statements.map((s) => ({ group: g.label, ...s })));
    assert.deepEqual(
      flat.map((s) => [s.group, s.level, s.line]),
      [
        ['Specification', 'must', lineOf('A lantern MUST answer')],
        ['Specification', 'should', lineOf('A lantern MUST answer')],
        ['Specification › Errors', 'must', lineOf('- A lantern MUST NOT')],
        ['Specification › Errors', 'may', lineOf('- Clients MAY')],
      ],
      JSON.stringify(snapshot),
    );
    const errors = flat[2];
    await vscode.commands.executeCommand('sep.requirements.reveal', sep.toString(), {
      start: { line: errors.line, character: 2 },
      end: { line: errors.line, character: lines[errors.line].length },
    });
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), sep.toString());
    assert.equal(editor.document.getText(editor.selection), lines[errors.line].slice(2));
  });

  it('SEP: Create Conformance Traceability File writes conformance/sep-4321.yaml, opens it, and never overwrites it', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sep));
    const first = await withPrompts(
      { input: () => undefined, pick: (items) => items[0] },
      async () => (await vscode.commands.executeCommand<Created>('sep.createTraceabilityFile'))!,
    );
    const folderName = vscode.workspace.workspaceFolders![0].name;
    assert.equal(first.prompts[0], `pick: Where should sep-4321.yaml go? [conformance, ${folderName}, Another folder…]`, 'conformance/ is offered first');
    assert.equal(first.result.created, true);
    assert.equal(first.result.uri.fsPath, yamlPath);
    assert.ok(existsSync(yamlPath));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, yamlPath, 'the new file is opened');
    const written = parse(readFileSync(yamlPath, 'utf8')) as { sep: number; requirements: Array<{ text: string; check: string }> };
    assert.equal(written.sep, 4321);
    assert.equal(written.requirements.length, 3, 'MUST, SHOULD and MUST NOT rows; the MAY statement is left out');
    assert.ok(written.requirements.every((r) => r.check.startsWith('sep-4321-')));

    const edited = `${readFileSync(yamlPath, 'utf8')}# reviewed by hand\n`;
    writeFileSync(yamlPath, edited);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sep));
    const second = await vscode.commands.executeCommand<Created>('sep.createTraceabilityFile', sep, { folder: vscode.Uri.file(conformance) });
    assert.equal(second?.created, false);
    assert.equal(readFileSync(yamlPath, 'utf8'), edited, 'the existing file is left as it was');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, yamlPath, 'the existing file is opened');
  });

  it('the server checks the written file: no error, while a duplicated check id in it is reported', async () => {
    const uri = vscode.Uri.file(yamlPath);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const text = editor.document.getText();
    const firstCheck = /check: (sep-4321-\S+)/.exec(text)?.[1];
    assert.ok(firstCheck, text);
    await editor.edit((e) => e.insert(editor.document.positionAt(text.length), `  - text: Lanterns MUST glow.\n    check: ${firstCheck}\n`));
    await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleId(d) === 'trace-check-duplicate'), 'trace-check-duplicate on the edited file');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    const after = await waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleId(d) === 'trace-check-duplicate'), 'the duplicate finding to go');
    assert.deepEqual(after.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => `${ruleId(d)}: ${d.message}`), []);
  });
});
