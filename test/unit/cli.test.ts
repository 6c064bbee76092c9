import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { run } from '../../server/src/cli';
import { escapeData, escapeProperty } from '../../server/src/cli/report';
import { ONE_WARNING } from '../support/cliFixtures';

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
  assert.match(bad.err, /--format must be "text", "json" or "github"/);
  const missing = capture(['/definitely/not/here.md']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read \/definitely\/not\/here\.md/);
  assert.equal(capture(['--bogus']).code, 2);
  assert.match(capture(['x.md', '--max-warnings', 'many']).err, /--max-warnings needs a whole number/);
  assert.equal(capture(['x.md', '--max-warnings=-1']).code, 2);
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

test('json format lists findings with 1-based positions and a summary of the run', () => {
  const dir = workspace({ 'seps/0012-broken.md': BROKEN, 'seps/0042-tide-tables.md': ONE_WARNING });
  try {
    const r = capture([dir, '--format=json']);
    type Item = { file: string; line: number; column: number; rule: string; severity: string };
    const report = JSON.parse(r.out) as { summary: Record<string, number>; findings: Item[] };
    const title = report.findings.find((i) => i.rule === 'title-malformed');
    assert.ok(title);
    assert.equal(title.line, 1);
    assert.ok(title.column >= 1);
    const count = (s: string) => report.findings.filter((i) => i.severity === s).length;
    assert.deepEqual(report.summary, { files: 2, errors: count('error'), warnings: count('warning'), information: count('information'), hints: count('hint') });
    assert.ok(report.summary.errors >= 1 && report.summary.warnings >= 2);
    assert.equal(r.err, '', 'json leaves stderr for problems only');
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

test('a missing path among good ones is reported on stderr, the rest are checked, and the run exits 2', () => {
  const dir = workspace({ 'seps/0012-broken.md': BROKEN, 'seps/0042-tide-tables.md': ONE_WARNING });
  try {
    const missing = join(dir, 'seps', '0099-gone.md');
    const r = capture([join(dir, 'seps', '0012-broken.md'), missing, join(dir, 'seps', '0042-tide-tables.md')]);
    assert.equal(r.code, 2, 'an unreadable path wins over "errors found"');
    assert.ok(r.err.includes(`cannot read ${missing}: no such file or folder`), r.err);
    assert.match(r.out, /0012-broken\.md:1:\d+ \w+ title-malformed /, 'the file before it was checked');
    assert.match(r.out, /0042-tide-tables\.md:1:1 warning section-missing /, 'the file after it was checked');
    assert.match(r.err, /2 files checked/);
    assert.ok(!r.err.includes('Usage:'), 'not a usage error: no usage text');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('--max-warnings N: exit 1 only when the warnings exceed N', () => {
  const dir = workspace({ 'seps/0042-tide-tables.md': ONE_WARNING, 'seps/0043-more-tides.md': ONE_WARNING.replace(/42/g, '43') });
  try {
    const plain = capture([dir]);
    assert.equal(plain.code, 0, 'warnings alone pass by default');
    assert.match(plain.err, /0 error\(s\), 2 warning\(s\)/);
    assert.equal(capture([dir, '--max-warnings', '2']).code, 0);
    const over = capture([dir, '--max-warnings=1']);
    assert.equal(over.code, 1);
    assert.match(over.err, /2 warning\(s\), more than --max-warnings 1/);
    assert.equal(capture([dir, '--max-warnings', '0', '--format', 'json']).code, 1);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('--format github prints one workflow command per finding, severities mapped, properties escaped', () => {
  const dir = workspace({ 'seps/0012-a,b:c.md': BROKEN, 'seps/0042-tide-tables.md': ONE_WARNING });
  try {
    const r = capture(['--format', 'github', dir]);
    assert.equal(r.code, 1);
    const lines = r.out.split('\n');
    for (const l of lines) assert.match(l, /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+(,endColumn=\d+)?,title=[a-z0-9-]+::[^\r\n]+$/);
    const rel = relative(process.cwd(), dir).split('\\').join('/');
    const prefix = `::warning file=${rel}/seps/0042-tide-tables.md,line=1,col=1,endLine=1,endColumn=22,title=section-missing::`;
    const rationale = lines.filter((l) => l.startsWith(prefix));
    assert.equal(rationale.length, 1, r.out);
    assert.match(rationale[0].slice(prefix.length), /Rationale/);
    const broken = lines.filter((l) => l.includes('0012-a'));
    assert.ok(broken.length > 0);
    for (const l of broken) assert.ok(l.includes(`file=${rel}/seps/0012-a%2Cb%3Ac.md,`), `"," and ":" escaped in the file property: ${l}`);
    assert.ok(broken.some((l) => l.startsWith('::error ') && l.includes(',title=header-missing::')));
    assert.match(r.err, /2 files checked/, 'the summary stays on stderr');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('workflow command escaping follows @actions/core: %, CR, LF in data; also : and , in properties', () => {
  assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
  assert.equal(escapeProperty('seps/a,b:c%\n.md'), 'seps/a%2Cb%3Ac%25%0A.md');
  assert.equal(escapeData('%0A'), '%250A', 'an escape sequence in the input is not taken for one');
});
