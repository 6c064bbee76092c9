import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../../../server/src/sep';
import { run } from '../../../server/src/cli';

test('at least 60% of the rule ids declare a fix', () => {
  const fixable = RULES.filter((r) => r.fixKinds.length > 0);
  assert.ok(fixable.length / RULES.length >= 0.6, `${fixable.length} of ${RULES.length} rules fixable`);
});

test('sep-lint --fix writes the certain fixes only, and reports what is left', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sep-fix-'));
  try {
    const file = join(dir, '4242-weather.md');
    const text = '# SEP-4242: Weather\n\n- **Status**: draft\n- **Type**: Standards Track\n- **Created**: 2026/1/5\n- **Author(s)**: Ada (@ada)\n- **Sponsor**: None\n- **PR**: #4242\n\n## Abstract\n\nA.\n';
    writeFileSync(file, text);
    const out: string[] = [];
    const err: string[] = [];
    const code = run(['--fix', file], (s) => out.push(s), (s) => err.push(s));
    const fixed = readFileSync(file, 'utf8');
    // The spelling of the status and the notation of the date follow from the document; the missing sections do not.
    assert.equal(fixed, text.replace('draft', 'Draft').replace('2026/1/5', '2026-01-05'));
    assert.equal(code, 0);
    assert.match(err.join('\n'), /fixed 2 problem\(s\)/);
    assert.doesNotMatch(out.join('\n'), /status-noncanonical|created-format/);
    assert.match(out.join('\n'), /section-missing/);
    // A second run has nothing left to fix and leaves the file alone.
    run(['--fix', file], () => undefined, () => undefined);
    assert.equal(readFileSync(file, 'utf8'), fixed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sep-lint --fix does not make a failing check pass by writing placeholders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sep-fix-'));
  try {
    const file = join(dir, '4242-weather.md');
    // No Status, no Type, no PR: errors only the author can settle.
    const text = '# SEP-4242: Weather\n\n- **Created**: 2026-01-05\n- **Author(s)**: Ada (@ada)\n- **Sponsor**: None\n\n## Abstract\n\nA.\n';
    writeFileSync(file, text);
    const before = run([file], () => undefined, () => undefined);
    const code = run(['--fix', file], () => undefined, () => undefined);
    assert.equal(before, 1);
    assert.equal(code, 1, 'the errors are still there after --fix');
    assert.equal(readFileSync(file, 'utf8'), text, 'nothing certain to fix: the file is untouched');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the engine (fixes, completion, hover, links included) imports no editor, protocol or file-system module', () => {
  const dir = join(__dirname, '..', '..', '..', 'server', 'src', 'sep');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  assert.ok(files.includes(join('fixes', 'index.ts')) && files.includes('completion.ts'));
  const bad = files.flatMap((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    return [...text.matchAll(/from\s+['"]((?:node:)?fs(?:\/promises)?|vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*)['"]/g)].map((m) => `${f}: ${m[1]}`);
  });
  assert.deepEqual(bad, []);
});
