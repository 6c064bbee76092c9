/// <reference types="mocha" />
/**
 * New SEP… in a window opened on a multi-root `.code-workspace` with three empty folders (alpha, beta, gamma;
 * made by the launcher). Each test arranges which folders hold `seps/`, then checks which folders the quick pick
 * offered and where the file landed.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, cleanUp, withPrompts } from '../suite/helpers';
import { newSepAnswers } from '../suite/newSepPrompts';

const NAMES = ['alpha', 'beta', 'gamma'];

describe('New SEP in a multi-root workspace (alpha, beta, gamma)', function () {
  const folder: Record<string, string> = {};
  const seps = (name: string): string => join(folder[name], 'seps');
  /** Every file under each folder's seps/ (absent folders listed as null). */
  const listing = (): Record<string, string[] | null> =>
    Object.fromEntries(NAMES.map((n) => [n, existsSync(seps(n)) ? readdirSync(seps(n)).sort() : null]));
  /** Leaves `seps/` in exactly the folders named. */
  const arrange = (...withSeps: string[]): void => {
    for (const n of NAMES) rmSync(seps(n), { recursive: true, force: true });
    for (const n of withSeps) mkdirSync(seps(n));
  };
  const newSep = async (title: string, pickFolder?: string) => {
    const answers = newSepAnswers(title, pickFolder);
    const { prompts } = await withPrompts(answers, () => Promise.resolve(vscode.commands.executeCommand('sep.newSep')));
    return { folderPrompts: answers.folderPrompts, prompts };
  };

  before(async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepEqual(folders.map((f) => f.name), NAMES, 'the launcher opened the three-folder workspace');
    for (const f of folders) folder[f.name] = f.uri.fsPath;
    await activateExtension();
  });
  afterEach(async () => {
    await cleanUp();
    arrange();
  });

  it('offers only the folders with seps/ (alpha, gamma) and creates the SEP in the one picked', async () => {
    arrange('alpha', 'gamma');
    const { folderPrompts, prompts } = await newSep('Routed Sampling', 'gamma');
    assert.equal(folderPrompts.length, 1, `one folder prompt; prompts: ${prompts.join(' | ')}`);
    assert.deepEqual(folderPrompts[0].labels, ['alpha', 'gamma']);
    assert.deepEqual(folderPrompts[0].paths, [folder.alpha, folder.gamma]);
    assert.deepEqual(listing(), { alpha: [], beta: null, gamma: ['0000-routed-sampling.md'] });
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, join(seps('gamma'), '0000-routed-sampling.md'), 'the new file is open');
    assert.match(readFileSync(join(seps('gamma'), '0000-routed-sampling.md'), 'utf8').split('\n')[0], /^# SEP-.*: Routed Sampling$/);
  });

  it('never overwrites: a 0000-<slug>.md already in the picked folder stays, the SEP gets the next free name', async () => {
    arrange('alpha', 'gamma');
    const existing = join(seps('alpha'), '0000-routed-sampling.md');
    const mine = '# SEP-0000: Routed Sampling\n\nSomeone else\'s draft, written by this test.\n';
    writeFileSync(existing, mine);
    const { folderPrompts } = await newSep('Routed Sampling', 'alpha');
    assert.deepEqual(folderPrompts.map((p) => p.labels), [['alpha', 'gamma']]);
    assert.equal(readFileSync(existing, 'utf8'), mine, 'the existing draft is untouched');
    const now = listing();
    assert.deepEqual(now.beta, null);
    assert.deepEqual(now.gamma, []);
    const created = (now.alpha ?? []).filter((f) => f !== '0000-routed-sampling.md');
    assert.equal(created.length, 1, `one new file in alpha/seps: ${JSON.stringify(now.alpha)}`);
    assert.match(created[0], /^0000-routed-sampling-\d+\.md$/);
    assert.equal(basename(vscode.window.activeTextEditor?.document.uri.fsPath ?? ''), created[0]);
    assert.match(readFileSync(join(seps('alpha'), created[0]), 'utf8'), /\*\*Type\*\*: Standards Track/);
  });

  it('with seps/ in one folder only (beta), creates the SEP there without asking', async () => {
    arrange('beta');
    const { folderPrompts, prompts } = await newSep('Single Home');
    assert.deepEqual(folderPrompts, [], `no folder prompt; prompts: ${prompts.join(' | ')}`);
    assert.deepEqual(listing(), { alpha: null, beta: ['0000-single-home.md'], gamma: null });
  });

  it('with no seps/ anywhere, offers every folder and creates seps/ in the one picked', async () => {
    arrange();
    const { folderPrompts } = await newSep('Fresh Start', 'beta');
    assert.deepEqual(folderPrompts.map((p) => p.labels), [NAMES]);
    assert.deepEqual(listing(), { alpha: null, beta: ['0000-fresh-start.md'], gamma: null });
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, join(seps('beta'), '0000-fresh-start.md'));
  });

  it('Escape at the folder prompt creates nothing and opens nothing', async () => {
    arrange('alpha', 'gamma');
    const { folderPrompts } = await newSep('Never Mind');
    assert.equal(folderPrompts.length, 1, 'the folder prompt was shown');
    assert.deepEqual(listing(), { alpha: [], beta: null, gamma: [] });
    assert.equal(vscode.window.activeTextEditor, undefined);
  });
});
