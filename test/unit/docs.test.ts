import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES as RULES } from '../../server/src/sep/rules/registry';
import { withFinalSepsSection, withRulesTable } from '../../scripts/rules-table';

const root = join(__dirname, '..', '..');

test('there are at least 30 rules with unique kebab-case ids', () => {
  assert.ok(RULES.length >= 30, `only ${RULES.length} rules`);
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
  for (const id of ids) assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
});

test('every rule has a doc page with a wrong and a right example and a link to the guidelines', () => {
  for (const r of RULES) {
    const page = join(root, 'docs', 'rules', `${r.id}.md`);
    assert.ok(existsSync(page), `docs/rules/${r.id}.md is missing`);
    const text = readFileSync(page, 'utf8');
    assert.match(text, new RegExp(`^# ${r.id}\\b`), `${r.id}: page must start with "# ${r.id}"`);
    assert.match(text, /modelcontextprotocol\.io|github\.com\/modelcontextprotocol/, `${r.id}: no link to the guidelines`);
    assert.ok((text.match(/```/g) ?? []).length >= 4, `${r.id}: needs a wrong and a right example`);
  }
});

test('no doc page for a rule that does not exist', () => {
  const ids = new Set(RULES.map((r) => r.id));
  for (const f of readdirSync(join(root, 'docs', 'rules'))) {
    assert.ok(ids.has(f.replace(/\.md$/, '')), `docs/rules/${f} names no rule`);
  }
});

test('every rule id has a unit test that names it', () => {
  const dir = join(root, 'test', 'unit', 'rules');
  const tests = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  for (const r of RULES) assert.ok(tests.includes(`'${r.id}'`), `no test in test/unit/rules names '${r.id}'`);
});

test('the README rule table matches the registry (run `npm run docs:rules` to update)', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  assert.equal(readme, withRulesTable(readme));
});

test('each doc page says which kinds of fix its rule offers, as the rule declares them', () => {
  for (const rule of RULES) {
    const text = readFileSync(join(root, 'docs', 'rules', `${rule.id}.md`), 'utf8');
    const section = /## Quick fix\n\n([\s\S]*?)(?=\n## |$)/.exec(text)?.[1];
    assert.ok(section, `${rule.id}: no "Quick fix" section`);
    assert.equal(section.includes('**Certain**'), rule.fixKinds.includes('certain'), `${rule.id}: certain`);
    assert.equal(section.includes('**Suggestion**') || section.includes('a **suggestion**'), rule.fixKinds.includes('suggestion'), `${rule.id}: suggestion`);
    assert.equal(section.startsWith('None'), rule.fixKinds.length === 0, `${rule.id}: none`);
  }
});

test('every rule page says how Final SEPs are treated, as final.ts decides (run `npm run docs:rules` to update)', () => {
  for (const r of RULES) {
    const text = readFileSync(join(root, 'docs', 'rules', `${r.id}.md`), 'utf8');
    assert.match(text, /## On Final SEPs/, `${r.id}: no "On Final SEPs" section`);
    assert.equal(text, withFinalSepsSection(text, r.id), `${r.id}: the "On Final SEPs" section is out of date`);
  }
});
