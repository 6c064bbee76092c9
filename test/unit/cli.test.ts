import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../server/src/cli';

function capture(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sep-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const BROKEN = '# SEP 12 - Broken\n\n## Abstract\n\nText.\n';

test('usage errors exit 2 with a clear message', () => {
  assert.equal(capture([]).code, 2);
  assert.match(capture([]).err, /no files or folders given/);
  const bad = capture(['x.md', '--format', 'xml']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--format must be "text" or "json"/);
  const missing = capture(['/definitely/not/here.md']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read \/definitely\/not\/here\.md/);
  assert.equal(capture(['--bogus']).code, 2);
});

test('--help prints usage and exits 0', () => {
  const r = capture(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.out, /Usage: sep-lint/);
});

test('text format: one path:line:col severity rule message line per finding; errors exit 1', () => {
  const dir = workspace({ 'seps/0012-broken.md': BROKEN });
  try {
    const r = capture([dir]);
    assert.equal(r.code, 1);
    const lines = r.out.split('\n');
    assert.ok(lines.length > 0);
    for (const l of lines) assert.match(l, /^\S+seps\/0012-broken\.md:\d+:\d+ (error|warning|information|hint) [a-z0-9-]+ .+$/);
    assert.ok(lines.some((l) => / title-malformed /.test(l) && /:1:\d+ /.test(l)));
    assert.ok(lines.some((l) => / error header-missing /.test(l)), 'a SEP without a header has an error');
    assert.match(r.err, /1 file checked: \d+ error/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('json format lists findings with 1-based positions', () => {
  const dir = workspace({ 'seps/0012-broken.md': BROKEN });
  try {
    const r = capture([dir, '--format=json']);
    const items = JSON.parse(r.out) as { file: string; line: number; column: number; rule: string; severity: string }[];
    const title = items.find((i) => i.rule === 'title-malformed');
    assert.ok(title);
    assert.equal(title.line, 1);
    assert.ok(title.column >= 1);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('folders are searched for SEPs only: README, TEMPLATE and other Markdown are left alone', () => {
  const dir = workspace({
    'seps/README.md': BROKEN,
    'seps/TEMPLATE.md': BROKEN,
    'docs/notes.md': BROKEN.replace('SEP 12 - Broken', 'Notes'),
    'drafts/idea.md': '# SEP-0000: Idea\n',
  });
  try {
    const r = capture([dir]);
    assert.match(r.err, /^1 file checked/);
    assert.ok(!r.out.includes('README') && !r.out.includes('TEMPLATE') && !r.out.includes('notes.md'));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('an empty folder is checked cleanly: exit 0', () => {
  const dir = workspace({});
  try {
    const r = capture([dir]);
    assert.equal(r.code, 0);
    assert.match(r.err, /0 files checked/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
