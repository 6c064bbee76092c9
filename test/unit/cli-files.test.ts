/**
 * The CLI in a hostile checkout: symbolic links out of the folder, to `/`, in loops, and `--fix`
 * aimed at a link. Every fixture is built here in a temporary folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../server/src/cli';
import { FIXABLE } from '../support/cliFixtures';

function capture(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}


/** A sandbox with a `repo/` to check and a `victim/` beside it that nothing may touch. */
function sandbox(): { base: string; repo: string; victim: string; cleanup(): void } {
  const base = mkdtempSync(join(tmpdir(), 'sep-cli-links-'));
  const repo = join(base, 'repo');
  const victim = join(base, 'victim');
  mkdirSync(join(repo, 'seps'), { recursive: true });
  mkdirSync(victim);
  return { base, repo, victim, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

test('the fixable fixture really is fixed by --fix when it is a plain file', () => {
  const box = sandbox();
  try {
    const file = join(box.repo, 'seps', '0042-tide-tables.md');
    writeFileSync(file, FIXABLE);
    capture(['--fix', box.repo]);
    assert.match(readFileSync(file, 'utf8'), /- \*\*Status\*\*: Draft\n/);
  } finally {
    box.cleanup();
  }
});

test('--fix never writes through a symbolic link: the target outside stays untouched', () => {
  const box = sandbox();
  try {
    const target = join(box.victim, 'bashrc');
    writeFileSync(target, FIXABLE);
    const link = join(box.repo, 'seps', '0042-tide-tables.md');
    symlinkSync(join('..', '..', 'victim', 'bashrc'), link);
    const walked = capture(['--fix', box.repo]);
    assert.equal(readFileSync(target, 'utf8'), FIXABLE, 'walking the folder did not write the target');
    assert.ok(walked.err.includes(`skipped ${link}: symbolic link to a place outside the folder being checked`), walked.err);
    assert.match(walked.err, /0 files checked/);
    const named = capture(['--fix', link]);
    assert.equal(readFileSync(target, 'utf8'), FIXABLE, 'naming the link did not write the target');
    assert.match(named.err, /0042-tide-tables\.md: not fixed: it is a symbolic link; not written/);
    assert.match(named.out, /status-noncanonical/, 'a named link is still checked and its problem reported');
    assert.equal(named.code, 0);
  } finally {
    box.cleanup();
  }
});

test('--fix does not write through a link inside the folder either, and still fixes the plain files', () => {
  const box = sandbox();
  try {
    const real = join(box.repo, '.drafts', 'tides.md');
    mkdirSync(join(box.repo, '.drafts'));
    writeFileSync(real, FIXABLE);
    symlinkSync(join('..', '.drafts', 'tides.md'), join(box.repo, 'seps', '0042-tide-tables.md'));
    const plain = join(box.repo, 'seps', '0043-more-tides.md');
    writeFileSync(plain, FIXABLE.replace(/42/g, '43'));
    const r = capture(['--fix', box.repo]);
    assert.equal(readFileSync(real, 'utf8'), FIXABLE);
    assert.match(r.err, /0042-tide-tables\.md: not fixed: it is a symbolic link/);
    assert.match(readFileSync(plain, 'utf8'), /- \*\*Status\*\*: Draft\n/);
    assert.match(r.err, /2 files checked/);
  } finally {
    box.cleanup();
  }
});

test('a link to / (or any folder outside) is not walked', () => {
  const box = sandbox();
  try {
    writeFileSync(join(box.repo, 'seps', '0042-tide-tables.md'), FIXABLE);
    symlinkSync('/', join(box.repo, 'root'));
    mkdirSync(join(box.victim, 'seps'));
    writeFileSync(join(box.victim, 'seps', '0077-outside.md'), FIXABLE.replace(/42/g, '77'));
    symlinkSync(box.victim, join(box.repo, 'elsewhere'));
    const r = capture([box.repo]);
    assert.ok(r.err.includes(`skipped ${join(box.repo, 'root')}: symbolic link to a place outside`), r.err);
    assert.ok(r.err.includes(`skipped ${join(box.repo, 'elsewhere')}: symbolic link to a place outside`), r.err);
    assert.match(r.err, /1 file checked/);
    assert.ok(!r.out.includes('0077-outside'));
    assert.equal(r.code, 0);
  } finally {
    box.cleanup();
  }
});

test('symbolic link loops are reported per path and the other files are still checked', () => {
  const box = sandbox();
  try {
    const seps = join(box.repo, 'seps');
    writeFileSync(join(seps, '0042-tide-tables.md'), FIXABLE);
    symlinkSync('0002-b.md', join(seps, '0001-a.md'));
    symlinkSync('0001-a.md', join(seps, '0002-b.md'));
    mkdirSync(join(box.repo, 'nested'));
    symlinkSync('..', join(box.repo, 'nested', 'up'));
    symlinkSync('.', join(seps, 'self'));
    writeFileSync(join(box.repo, 'nested', '0050-nested.md'), FIXABLE.replace(/42/g, '50'));
    const r = capture([box.repo]);
    for (const path of [join(seps, '0001-a.md'), join(seps, '0002-b.md'), join(box.repo, 'nested', 'up'), join(seps, 'self')]) {
      assert.ok(r.err.includes(`skipped ${path}: symbolic link loop`), `${path} reported: ${r.err}`);
    }
    assert.match(r.err, /2 files checked/);
    assert.match(r.out, /0042-tide-tables\.md:\d+:\d+ \w+ status-noncanonical/);
    assert.match(r.out, /0050-nested\.md:\d+:\d+ \w+ status-noncanonical/);
    assert.equal(r.code, 0, 'a loop is reported, not fatal');
  } finally {
    box.cleanup();
  }
});

test('a link inside the folder to another folder inside it is followed once', () => {
  const box = sandbox();
  try {
    writeFileSync(join(box.repo, 'seps', '0042-tide-tables.md'), FIXABLE);
    symlinkSync('seps', join(box.repo, 'proposals'));
    const r = capture([box.repo]);
    assert.match(r.err, /1 file checked/, 'the same file is not checked twice');
    assert.equal(r.err.includes('skipped'), false);
  } finally {
    box.cleanup();
  }
});
