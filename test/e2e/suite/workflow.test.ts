/// <reference types="mocha" />
/**
 * The command-palette workflow's edges in a real editor: New SEP cancelled half-way leaves nothing behind,
 * Set PR Number refuses a name that is taken, and Validate All SEPs reports files that are not open.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, cleanUp, referenceSepsDir, referenceSepWithout, ruleId, waitForDiagnostics, withPrompts, workspaceRoot } from './helpers';

/** A small draft of our own in the template's shape. */
function draft(number: string, title: string): string {
  return [`# SEP-${number}: ${title}`, '', '- **Status**: Draft', '- **Type**: Standards Track', '- **Created**: 2026-01-05',
    '- **Author(s)**: Ada Example (@ada-example)', '- **Sponsor**: None',
    `- **PR**: https://github.com/modelcontextprotocol/modelcontextprotocol/pull/${number === '0000' ? '{NUMBER}' : number}`, '',
    '## Abstract', '', 'A draft written for this test.', ''].join('\n');
}

describe('command workflow edges', function () {
  const seps = () => join(workspaceRoot(), 'seps');
  const made: string[] = [];

  before(async () => {
    await activateExtension();
    mkdirSync(seps(), { recursive: true });
  });
  afterEach(() => cleanUp(...made.splice(0)));

  it('New SEP cancelled at the type prompt creates nothing and opens nothing', async () => {
    const before = readdirSync(seps());
    const { prompts } = await withPrompts(
      { input: (o) => (/title/i.test(`${o?.prompt} ${o?.placeHolder}`) ? 'Cancelled Proposal' : o?.value ?? ''), pick: () => undefined },
      () => Promise.resolve(vscode.commands.executeCommand('sep.newSep')),
    );
    assert.ok(prompts.some((p) => p.startsWith('pick:')), `the type prompt was shown: ${prompts.join(' | ')}`);
    assert.deepEqual(readdirSync(seps()), before, 'no file was created');
    assert.equal(vscode.window.activeTextEditor, undefined, 'no editor was opened');
  });

  it('Set PR Number refuses when the numbered file already exists, and changes nothing', async () => {
    const source = join(seps(), '0000-clash-test.md');
    const taken = join(seps(), '4243-clash-test.md');
    made.push(source, taken);
    writeFileSync(source, draft('0000', 'Clash Test'));
    writeFileSync(taken, draft('4243', 'Someone Else'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
    await withPrompts({ input: () => '4243', pick: () => undefined }, () => Promise.resolve(vscode.commands.executeCommand('sep.setPrNumber')));
    assert.equal(readFileSync(source, 'utf8'), draft('0000', 'Clash Test'), 'the draft is untouched on disk');
    assert.equal(readFileSync(taken, 'utf8'), draft('4243', 'Someone Else'), 'the existing file is untouched');
    assert.equal(vscode.window.activeTextEditor?.document.getText(), draft('0000', 'Clash Test'), 'the open draft is unchanged');
  });

  it('Validate All SEPs in Workspace reports files that are not open', async function () {
    const refDir = referenceSepsDir(this);
    const folder = join(workspaceRoot(), 'all-seps', 'seps');
    mkdirSync(folder, { recursive: true });
    cpSync(refDir, folder, { recursive: true });
    made.push(...readdirSync(folder).map((f) => join(folder, f)));
    // One more, never opened, that certainly has a finding: the reference SEP without its Motivation.
    const broken = referenceSepWithout(refDir, '2164-resource-not-found-error.md', 'Motivation', '2164-without-motivation.md');
    made.push(broken.fsPath);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === broken.fsPath), 'the broken copy is not open');
    const reported = waitForDiagnostics(broken, (ds) => ds.some((d) => ruleId(d) === 'section-missing'), 'Validate All to report the closed file');
    await vscode.commands.executeCommand('sep.validateWorkspace');
    await reported;
    const withFindings = vscode.languages.getDiagnostics().filter(([uri, ds]) => uri.fsPath.startsWith(folder) && ds.length > 0);
    assert.ok(withFindings.length >= 5, `findings for several of the ${readdirSync(folder).length} closed reference SEPs, got ${withFindings.length}`);
  });

  after(() => {
    const folder = join(workspaceRoot(), 'all-seps');
    if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
  });
});
