/// <reference types="mocha" />
/**
 * A reference SEP with its Motivation removed, opened in a real editor: the language server reports
 * `section-missing`, and its quick fix (run through VS Code's code action provider) puts the section back.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SERVER_NODE_OPTIONS } from '../../../common/serverProcess';
import { activateExtension, cleanUp, processesWith, referenceSepsDir, referenceSepWithout, ruleId, statusField, waitForDiagnostics, type ProcInfo } from './helpers';

const REFERENCE = '2164-resource-not-found-error.md';
const isMissingMotivation = (d: vscode.Diagnostic): boolean =>
  ruleId(d) === 'section-missing' && d.source === 'sep' && /Motivation/.test(d.message);

describe('diagnostics and quick fix', function () {
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;

  before(async function () {
    const refDir = referenceSepsDir(this);
    await activateExtension();
    uri = referenceSepWithout(refDir, REFERENCE, 'Motivation');
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
  });

  after(() => cleanUp(uri));

  it('reports section-missing for the removed Motivation, linked to its rule page', async () => {
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some(isMissingMotivation), 'a section-missing diagnostic');
    const d = diagnostics.find(isMissingMotivation)!;
    assert.equal(typeof d.code, 'object', 'the code carries a link to the rule page');
    const target = (d.code as { target: vscode.Uri }).target.toString();
    assert.match(target, /section-missing/);
  });

  it('offers "Add missing section "Motivation"" and applying it restores the section', async () => {
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some(isMissingMotivation), 'a section-missing diagnostic');
    const d = diagnostics.find(isMissingMotivation)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title === 'Add missing section "Motivation"');
    assert.ok(fix, `quick fixes offered: ${JSON.stringify(titles)}`);
    assert.ok(fix.edit || fix.command, 'the quick fix carries an edit or a command');
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace edit applied');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

    const text = doc.getText();
    assert.match(text, /^## Motivation\s*$/m, 'the Motivation heading is back');
    const headings = text.split('\n').filter((l) => /^## /.test(l)).map((l) => l.slice(3).trim());
    assert.equal(headings.indexOf('Motivation'), headings.indexOf('Abstract') + 1, `in canonical order: ${headings.join(' / ')}`);
    assert.match(text, /## Abstract[\s\S]*SDK implementations are inconsistent/, "the author's Abstract is untouched");
    await waitForDiagnostics(uri, (ds) => !ds.some(isMissingMotivation), 'the section-missing diagnostic to go away');
  });

  it('runs the language server with the Node options the extension starts it with', function () {
    const servers = serverProcesses();
    if (servers === undefined) this.skip();
    assert.equal(servers.length, 1, 'one SEP language server process is running');
    for (const { args } of servers) for (const option of SERVER_NODE_OPTIONS) assert.ok(args.includes(option), `${option} in ${args.join(' ')}`);
  });

  it('starts a new server process when the running one dies, and checks the document again', async function () {
    const servers = serverProcesses();
    if (servers === undefined) this.skip();
    assert.equal(servers.length, 1, 'one SEP language server process is running');
    process.kill(servers[0].pid, 'SIGKILL');
    // A change the new server has to see: the Motivation goes again.
    const text = doc.getText();
    const start = text.indexOf('## Motivation');
    const end = text.indexOf('\n## ', start + 1);
    assert.ok(start >= 0 && end > start, 'the restored Motivation is in the document');
    const edit = new vscode.WorkspaceEdit();
    edit.delete(uri, new vscode.Range(doc.positionAt(start), doc.positionAt(end + 1)));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(uri, (ds) => ds.some(isMissingMotivation), 'section-missing from the restarted server', 30_000);
    const after = serverProcesses() ?? [];
    assert.equal(after.length, 1, 'one server process again');
    assert.notEqual(after[0].pid, servers[0].pid, 'a new process');
  });
});

/** The SEP language server processes that are children of this extension host; undefined where there is no /proc. */
function serverProcesses(): ProcInfo[] | undefined {
  return processesWith('sep-authoring', '/dist/server.js')?.filter(
    (p) => p.args.some((a) => a.endsWith('/dist/server.js')) && statusField(p.status, 'PPid') === process.pid,
  );
}
