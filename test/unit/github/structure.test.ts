import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
const importsVscode = (file: string): boolean => /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/.test(readFileSync(file, 'utf8'));

describe('sidebar structure', () => {
  it('the GitHub client imports nothing from vscode', () => {
    const dir = join(ROOT, 'client/src/github');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length >= 5);
    assert.deepEqual(files.filter((f) => importsVscode(join(dir, f))), []);
  });

  it('in views, only the adapters import vscode; the model stays testable without it', () => {
    const dir = join(ROOT, 'client/src/views');
    const users = readdirSync(dir).filter((f) => f.endsWith('.ts') && importsVscode(join(dir, f))).sort();
    assert.deepEqual(users, ['auth.ts', 'commands.ts', 'conformanceServer.ts', 'documentProvider.ts', 'register.ts', 'requirementsView.ts', 'traceSeps.ts', 'treeAdapter.ts']);
  });
});
