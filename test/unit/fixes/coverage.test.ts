import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../../../server/src/sep';
import { ENGINE_FIXABLE } from '../../../server/src/sep/fixes';
import { run } from '../../../server/src/cli';

test('at least 60% of the rule ids have a fix, and every engine fix is keyed by a real rule id', () => {
  const ids = new Set(RULES.map((r) => r.id));
  assert.deepEqual(ENGINE_FIXABLE.filter((id) => !ids.has(id)), []);
  const fixable = RULES.filter((r) => r.fixable || ENGINE_FIXABLE.includes(r.id));
  assert.ok(fixable.length / RULES.length >= 0.6, `${fixable.length} of ${RULES.length} rules fixable`);
  for (const id of ENGINE_FIXABLE) assert.equal(RULES.find((r) => r.id === id)!.fixable, true, `${id} has an engine fix but is not marked fixable`);
});

test('sep-lint --fix writes the fixed file and reports what is left', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sep-fix-'));
  try {
    const file = join(dir, '4242-weather.md');
    const text = '# SEP-4242: Weather\n\n- **Status**: draft\n- **Type**: Standards Track\n- **Created**: 2026/1/5\n- **Author(s)**: Ada (@ada)\n- **Sponsor**: None\n- **PR**: #4242\n\n## Abstract\n\nA.\n';
    writeFileSync(file, text);
    const out: string[] = [];
    const err: string[] = [];
    const code = run(['--fix', file], (s) => out.push(s), (s) => err.push(s));
    const fixed = readFileSync(file, 'utf8');
    assert.ok(fixed.startsWith('# SEP-4242: Weather\n\n- **Status**: Draft\n- **Type**: Standards Track\n- **Created**: 2026-01-05\n'), fixed);
    assert.ok(fixed.includes('## Abstract\n\nA.\n\n## Motivation\n\n<!-- '));
    assert.equal(code, 0);
    assert.match(err.join('\n'), /fixed 3 problem\(s\)/);
    assert.doesNotMatch(out.join('\n'), /status-noncanonical|created-format|section-missing/);
    assert.match(out.join('\n'), /section-empty/);
    // A second run has nothing left to fix and leaves the file alone.
    run(['--fix', file], () => undefined, () => undefined);
    assert.equal(readFileSync(file, 'utf8'), fixed);
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
