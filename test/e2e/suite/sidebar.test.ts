/// <reference types="mocha" />
/**
 * The "Open SEPs" sidebar against the local fake GitHub server (test/support/fakeGitHub.ts), started inside the
 * extension host: `sep.github.apiUrl` points at it, the refresh command answers with what the tree shows, and
 * Open SEP shows a pull request's SEP file with the language server's diagnostics.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeGitHub } from '../../support/fakeGitHub';
import { activateExtension, ruleId, waitForDiagnostics, withPrompts } from './helpers';

/** What `sep.sidebar.refresh` resolves to (client/src/views/nodes.ts SidebarSnapshot). */
interface Snapshot {
  repository: string;
  problem?: string;
  groups: { state: string; label: string; count: number; items: { number: number; label: string; kind: string }[] }[];
}

const LIFECYCLE = ['proposal', 'draft', 'in-review', 'accepted', 'final', 'dormant'];

describe('sidebar: open SEPs from the fake GitHub server', function () {
  let fake: FakeGitHub;
  const config = () => vscode.workspace.getConfiguration('sep.github');
  let previous: { apiUrl: unknown; repository: unknown };

  before(async () => {
    await activateExtension();
    fake = await FakeGitHub.start();
    previous = { apiUrl: config().inspect('apiUrl')?.globalValue, repository: config().inspect('repository')?.globalValue };
    await config().update('apiUrl', fake.url, vscode.ConfigurationTarget.Global);
    await config().update('repository', `${fake.repo.owner}/${fake.repo.repo}`, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await config().update('apiUrl', previous.apiUrl, vscode.ConfigurationTarget.Global);
    await config().update('repository', previous.repository, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await fake?.close();
  });

  it('lists the open SEPs grouped by lifecycle state, with counts, from sep.github.apiUrl', async () => {
    const snapshot = await vscode.commands.executeCommand<Snapshot | undefined>('sep.sidebar.refresh');
    assert.ok(snapshot, 'sep.sidebar.refresh resolves to what the tree shows');
    assert.equal(snapshot.problem, undefined, `the refresh reported a problem: ${snapshot.problem}`);
    assert.ok(fake.requests.some((r) => /\/issues\?/.test(r.path) && r.status === 200), 'the fake server was asked for the issues');

    const open = fake.repo.issues.filter((i) => i.state === 'open');
    const labelled = open.filter((i) => i.labels.some((l) => l.toLowerCase() === 'sep')).map((i) => i.number);
    const mayShow = new Set(open.filter((i) => i.labels.some((l) => l.toLowerCase() === 'sep') || /^SEP\b/i.test(i.title)).map((i) => i.number));
    const shown = snapshot.groups.flatMap((g) => g.items.map((i) => i.number));
    assert.deepEqual(labelled.filter((n) => !shown.includes(n)), [], 'every open issue or PR labelled SEP is listed');
    assert.deepEqual(shown.filter((n) => !mayShow.has(n)), [], 'nothing but SEPs, and no closed ones');

    const states = snapshot.groups.map((g) => g.state);
    for (const state of ['proposal', 'draft', 'accepted', 'final', 'dormant']) assert.ok(states.includes(state), `a ${state} group: ${states.join(', ')}`);
    const order = states.filter((s) => LIFECYCLE.includes(s)).map((s) => LIFECYCLE.indexOf(s));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), `groups in lifecycle order: ${states.join(', ')}`);
    for (const g of snapshot.groups) assert.equal(g.count, g.items.length, `${g.label} count`);
  });

  it('Open SEP shows a pull request\'s SEP file read-only, with diagnostics', async () => {
    // PR 2044 of the fake scenario adds one SEP file that lacks its Motivation section.
    const { result: opened } = await withPrompts(
      { input: () => undefined, pick: (items) => items[0] },
      async () => vscode.commands.executeCommand<string | undefined>('sep.sidebar.openSep', 2044),
    );
    assert.ok(opened, 'Open SEP resolves to the opened document');
    const uri = vscode.Uri.parse(opened);
    assert.notEqual(uri.scheme, 'file', 'opened from GitHub, not written into the workspace');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleId(d) === 'section-missing'), 'diagnostics on the opened SEP');
    assert.ok(diagnostics.some((d) => /Motivation/.test(d.message)));
  });
});
