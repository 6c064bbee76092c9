import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../server/src/cli';
import { REFERENCE_DIR, referenceSeps } from './fixes/corpus';

/** A Final SEP whose title number differs from its file's (an Error rule that is quiet on Final SEPs) and whose `Authors` line the website cannot read. */
const FINAL = ['# SEP-5151: Lantern Negotiation', '', '- **Status**: Final', '- **Type**: Standards Track', '- **Created**: 2026-03-14', '- **Authors**: Grace (@grace)', '- **Sponsor**: @kind-maintainer', '- **PR**: #5150', '', '## Abstract', '', 'Lanterns agree on a colour.', ''].join('\n');

function withFile<T>(text: string, body: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'sep-cli-final-'));
  try {
    const file = join(dir, '5150-lantern-negotiation.md');
    writeFileSync(file, text);
    return body(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function capture(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('--final-seps quiet (default): hints are neither printed nor counted as problems, and do not fail the run', () => {
  withFile(FINAL, (file) => {
    for (const argv of [[file], [file, '--final-seps', 'quiet'], [file, '--final-seps=quiet']]) {
      const r = capture(argv);
      assert.equal(r.code, 0, r.out);
      assert.doesNotMatch(r.out, /title-file-number-mismatch|section-missing|hint/);
      assert.match(r.out, /warning website-unreadable/);
      assert.match(r.err, /0 error\(s\), 1 warning\(s\), 0 note\(s\); \d+ hint\(s\) on Final SEPs not shown/);
    }
  });
});

test('--final-seps: the JSON output lists every finding with its severity, hints included', () => {
  withFile(FINAL, (file) => {
    type Row = { rule: string; severity: string; message: string };
    const quiet = (JSON.parse(capture([file, '--format', 'json']).out) as { findings: Row[] }).findings;
    const full = (JSON.parse(capture([file, '--format', 'json', '--final-seps', 'full']).out) as { findings: Row[] }).findings;
    assert.deepEqual(quiet.map((f) => f.rule), full.map((f) => f.rule));
    const mismatch = quiet.find((f) => f.rule === 'title-file-number-mismatch')!;
    assert.equal(mismatch.severity, 'hint');
    assert.match(mismatch.message, /historical records/);
    assert.equal(full.find((f) => f.rule === 'title-file-number-mismatch')!.severity, 'error');
    assert.equal(quiet.find((f) => f.rule === 'website-unreadable')!.severity, 'warning');
  });
});

test('--final-seps full: a Final SEP\'s findings at their usual severity fail the run; a bad value is a usage error', () => {
  withFile(FINAL, (file) => {
    const r = capture([file, '--final-seps', 'full']);
    assert.equal(r.code, 1);
    assert.match(r.out, /error title-file-number-mismatch/);
    assert.doesNotMatch(r.err, /hint/);
    const bad = capture([file, '--final-seps', 'loud']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--final-seps must be "quiet" or "full"/);
  });
});

test('--final-seps changes nothing on a Draft', () => {
  withFile(FINAL.replace('**Status**: Final', '**Status**: Draft'), (file) => {
    assert.equal(capture([file]).out, capture([file, '--final-seps', 'full']).out);
    assert.equal(capture([file]).code, 1);
  });
});

test('sep-lint over the reference SEPs (all Final): the text output holds only what breaks the published page; the JSON output every finding', (t) => {
  const seps = referenceSeps(t);
  if (!seps) return;
  const text = capture([REFERENCE_DIR]);
  assert.equal(text.code, 0);
  const lines = text.out.split('\n').map((l) => l.replace(/^.*\/(?=[^/]+:\d+:\d+ )/, ''));
  assert.deepEqual(lines.map((l) => l.split(' ').slice(0, 3).join(' ')), [
    '1302-formalize-working-groups-and-interest-groups-in-mc.md:9:1 warning website-unreadable',
    '1577--sampling-with-tools.md:13:1 warning website-unreadable',
    '1577--sampling-with-tools.md:18:1 warning website-unreadable',
  ]);
  const json = (JSON.parse(capture([REFERENCE_DIR, '--format', 'json']).out) as { findings: { severity: string; message: string }[] }).findings;
  const hints = json.filter((f) => f.severity === 'hint');
  assert.equal(json.length - hints.length, 3);
  assert.ok(hints.length > 100, `only ${hints.length} hints`);
  assert.ok(hints.every((f) => /historical records/.test(f.message)));
  assert.match(text.err, new RegExp(`${seps.length} files checked: 0 error\\(s\\), 3 warning\\(s\\), 0 note\\(s\\); ${hints.length} hint\\(s\\)`));
});
