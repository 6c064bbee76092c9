/// <reference types="mocha" />
/**
 * The palette commands New SEP… and Set PR Number…, with their prompts answered by stubs.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, cleanUp, ruleId, waitForDiagnostics, withPrompts, workspaceRoot } from './helpers';

/** Today as YYYY-MM-DD, local and UTC (the two differ around midnight). */
function todays(): string[] {
  const d = new Date();
  const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return [local, d.toISOString().slice(0, 10)];
}

describe('commands', function () {
  before(async () => {
    await activateExtension();
    mkdirSync(join(workspaceRoot(), 'seps'), { recursive: true });
  });

  const made: string[] = [];
  afterEach(() => cleanUp(...made.splice(0)));

  it('SEP: New SEP… asks title, type, authors and sponsor, then opens seps/0000-<slug>.md filled in', async () => {
    const seps = join(workspaceRoot(), 'seps');
    const before = new Set(readdirSync(seps));
    const { prompts } = await withPrompts(
      {
        input: (o) => {
          const asked = `${o?.prompt ?? ''} ${o?.placeHolder ?? ''} ${o?.title ?? ''}`;
          if (/title/i.test(asked)) return 'Streaming Tool Results';
          if (/sponsor/i.test(asked)) return '';
          if (/author/i.test(asked)) return 'Ada Example <ada@example.org> (@ada-example)';
          return o?.value ?? '';
        },
        pick: (items) => items.find((i) => (typeof i === 'string' ? i : i.label) === 'Standards Track'),
      },
      () => Promise.resolve(vscode.commands.executeCommand('sep.newSep')),
    );
    const created = readdirSync(seps).filter((f) => !before.has(f));
    made.push(...created.map((f) => join(seps, f)));
    assert.equal(created.length, 1, `one new file expected in seps/, got ${JSON.stringify(created)}; prompts: ${prompts.join(' | ')}`);
    assert.match(created[0], /^0000-streaming-tool-results[a-z0-9-]*\.md$/);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'the new SEP is opened in an editor');
    assert.equal(basename(editor.document.uri.fsPath), created[0]);
    const text = editor.document.getText();
    assert.match(text.split('\n')[0], /^# SEP-.*: Streaming Tool Results$/);
    assert.match(text, /\*\*Type\*\*: Standards Track/);
    assert.match(text, /\*\*Author\(s\)\*\*: Ada Example <ada@example\.org> \(@ada-example\)/);
    assert.match(text, /\*\*Sponsor\*\*: None/);
    assert.ok(todays().some((day) => text.includes(`**Created**: ${day}`)), 'Created is today');
    assert.match(text, /^## Abstract$/m);

    // A new draft opens quiet: what is expected at this stage (sections still to write, no PR number yet) is at most
    // a hint, never a squiggle. The empty sections' hints show that the server has checked the file.
    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (ds) => ds.some((d) => d.source === 'sep'),
      'the SEP server checks the new draft',
    );
    const loud = diagnostics.filter((d) => d.source === 'sep' && d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(loud.map((d) => `${ruleId(d)}: ${d.message}`), [], 'no error or warning on a new draft');
  });

  it('SEP: New SEP… without a GitHub handle leaves "(@handle)" selected as a tab stop, not a handle-less author line', async () => {
    const seps = join(workspaceRoot(), 'seps');
    const before = new Set(readdirSync(seps));
    await withPrompts(
      {
        input: (o) => {
          const asked = `${o?.prompt ?? ''} ${o?.placeHolder ?? ''} ${o?.title ?? ''}`;
          if (/title/i.test(asked)) return 'Handle Slot';
          if (/sponsor/i.test(asked)) return '';
          if (/author/i.test(asked)) return 'Ada Example <ada@example.org>';
          return o?.value ?? '';
        },
        pick: (items) => items.find((i) => (typeof i === 'string' ? i : i.label) === 'Standards Track'),
      },
      () => Promise.resolve(vscode.commands.executeCommand('sep.newSep')),
    );
    made.push(...readdirSync(seps).filter((f) => !before.has(f)).map((f) => join(seps, f)));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'the new SEP is opened in an editor');
    assert.match(editor.document.getText(), /\*\*Author\(s\)\*\*: Ada Example <ada@example\.org> \(@handle\)$/m);
    assert.equal(editor.document.getText(editor.selection), 'handle', 'the placeholder is selected for typing');
  });

  it('SEP: Set PR Number… renames 0000-<slug>.md and updates the title and PR field', async () => {
    const seps = join(workspaceRoot(), 'seps');
    const draft = join(seps, '0000-pagination-hints.md');
    // Our own small draft, shaped like the template.
    writeFileSync(draft, [
      '# SEP-0000: Pagination Hints', '',
      '- **Status**: Draft', '- **Type**: Standards Track', '- **Created**: 2026-01-05',
      '- **Author(s)**: Ada Example (@ada-example)', '- **Sponsor**: None',
      '- **PR**: https://github.com/modelcontextprotocol/modelcontextprotocol/pull/{NUMBER}', '',
      '## Abstract', '', 'Servers may hint how many pages a list has.', '',
    ].join('\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(draft));
    const { prompts } = await withPrompts(
      { input: () => '4242', pick: () => undefined },
      () => Promise.resolve(vscode.commands.executeCommand('sep.setPrNumber')),
    );
    const renamed = join(seps, '4242-pagination-hints.md');
    made.push(draft, renamed);
    assert.ok(existsSync(renamed) || vscode.workspace.textDocuments.some((d) => d.uri.fsPath === renamed),
      `expected ${basename(renamed)}; seps/ holds ${JSON.stringify(readdirSync(seps))}; prompts: ${prompts.join(' | ')}`);
    assert.ok(!existsSync(draft), `the 0000 file is gone; seps/ holds ${JSON.stringify(readdirSync(seps))}`);
    const text = (await vscode.workspace.openTextDocument(renamed)).getText();
    assert.match(text.split('\n')[0], /^# SEP-4242: Pagination Hints$/);
    assert.match(text, /\*\*PR\*\*: https:\/\/github\.com\/[^/\s]+\/[^/\s]+\/pull\/4242\s*$/m);
  });
});
