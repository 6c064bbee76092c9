/// <reference types="mocha" />
/**
 * New SEP… in a window opened on no folder at all: the SEP is an untitled Markdown document named
 * `0000-<slug>.md` and nothing is written to disk. The title carries a nonce so the disk search below can only
 * find a file this run made.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, cleanUp, withPrompts } from '../suite/helpers';
import { newSepAnswers, todays } from '../suite/newSepPrompts';

const NONCE = `n${Date.now().toString(36)}`;

/** Every file on this machine (outside /proc, /sys, /dev, /run) whose name contains `part`. */
function filesNamed(part: string): string[] {
  const out = execFileSync('find', ['/', '(', '-path', '/proc', '-o', '-path', '/sys', '-o', '-path', '/dev', '-o', '-path', '/run', ')',
    '-prune', '-o', '-name', `*${part}*`, '-print'], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'ignore'] })
    .toString();
  return out.split('\n').filter(Boolean);
}

describe('New SEP with no folder open', function () {
  before(async () => {
    assert.equal(vscode.workspace.workspaceFolders, undefined, 'the launcher opened a window with no folder');
    await activateExtension();
  });
  after(() => cleanUp());

  const run = async (title: string) => {
    const answers = newSepAnswers(title, 'should not be asked');
    const { prompts } = await withPrompts(answers, () => Promise.resolve(vscode.commands.executeCommand('sep.newSep')));
    assert.deepEqual(answers.folderPrompts, [], `no folder prompt; prompts: ${prompts.join(' | ')}`);
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, `an editor is open; prompts: ${prompts.join(' | ')}`);
    return document;
  };

  it('opens an untitled Markdown document 0000-<slug>.md holding the filled-in template, and writes nothing to disk', async function () {
    this.timeout(120_000); // the disk search walks the whole file system
    const title = `Loose Draft ${NONCE}`;
    const document = await run(title);
    assert.equal(document.uri.scheme, 'untitled');
    assert.ok(document.isUntitled);
    assert.equal(posix.basename(document.uri.path), `0000-loose-draft-${NONCE}.md`);
    assert.equal(document.languageId, 'markdown');
    const text = document.getText();
    assert.equal(text.split('\n')[0].replace(/^# SEP-[^:]*: /, ''), title, `the title line: ${text.split('\n')[0]}`);
    assert.match(text, /\*\*Type\*\*: Standards Track/);
    assert.match(text, /\*\*Author\(s\)\*\*: Ada Example <ada@example\.org> \(@ada-example\)/);
    assert.match(text, /\*\*Sponsor\*\*: None/);
    assert.ok(todays().some((day) => text.includes(`**Created**: ${day}`)), 'Created is today');
    for (const section of ['Abstract', 'Motivation', 'Specification', 'Rationale', 'Backward Compatibility', 'Security Implications']) {
      assert.match(text, new RegExp(`^## ${section}$`, 'm'), `has ## ${section}`);
    }
    const cursor = vscode.window.activeTextEditor?.selection.active.line ?? -1;
    const abstract = text.split('\n').findIndex((l) => l === '## Abstract');
    const next = text.split('\n').findIndex((l, i) => i > abstract && l.startsWith('## '));
    assert.ok(cursor > abstract && cursor < next, `the cursor (line ${cursor}) is in the Abstract (lines ${abstract}-${next})`);
    assert.deepEqual(filesNamed(NONCE), [], 'no file named after the new SEP anywhere on disk');
  });

  it('a second New SEP with the same title opens the next free untitled name and leaves the first as it was', async () => {
    const first = vscode.workspace.textDocuments.find((d) => posix.basename(d.uri.path) === `0000-loose-draft-${NONCE}.md`);
    assert.ok(first, 'the first untitled SEP is still open');
    const before = first.getText();
    const second = await run(`Loose Draft ${NONCE}`);
    assert.equal(second.uri.scheme, 'untitled');
    assert.match(posix.basename(second.uri.path), new RegExp(`^0000-loose-draft-${NONCE}-\\d+\\.md$`));
    assert.equal(first.getText(), before);
    assert.deepEqual(filesNamed(NONCE), [], 'still nothing on disk');
  });
});
