import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, parseSep } from '../../server/src/sep';
import { FIELDS, SECTIONS } from '../../common/vocabulary';

const root = join(__dirname, '..', '..');
const snippets: Record<string, { prefix: string[]; body: string[]; description: string }> = JSON.parse(readFileSync(join(root, 'snippets', 'sep.json'), 'utf8'));

/**
 * Expands a snippet body the way VS Code does when the user accepts every
 * default: `${1:text}` → text, `${1|a,b|}` → a, `$1`/`${1}` → the text of
 * tab stop 1 if it had a default elsewhere, date variables → the given day.
 */
function expand(body: string[], date: { y: string; m: string; d: string }): string {
  const text = body.join('\n');
  const defaults = new Map<string, string>();
  for (const m of text.matchAll(/\$\{(\d+):([^}]*)\}/g)) defaults.set(m[1], m[2]);
  for (const m of text.matchAll(/\$\{(\d+)\|([^|]*)\|\}/g)) defaults.set(m[1], m[2].split(',')[0]);
  return text
    .replace(/\$CURRENT_YEAR/g, date.y)
    .replace(/\$CURRENT_MONTH/g, date.m)
    .replace(/\$CURRENT_DATE/g, date.d)
    .replace(/\$\{(\d+):([^}]*)\}/g, (_, _n, d: string) => d)
    .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, _n, list: string) => list.split(',')[0])
    .replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a?: string, b?: string) => defaults.get(a ?? b ?? '') ?? '');
}

test('the SEP skeleton snippet, accepted as is, is a SEP with every section and field and no Error', () => {
  const skeleton = snippets['SEP skeleton'];
  assert.ok(skeleton.prefix.includes('sep'));
  const body = skeleton.body.join('\n');
  assert.match(body, /\$\{1:[^}]+\}/, 'tab stop for the number');
  assert.match(body, /\$\{2:[^}]+\}/, 'tab stop for the title');
  assert.match(body, /\*\*Type\*\*: \$\{3\|Standards Track,Extensions Track,Informational,Process\|\}/, 'choice for the type');
  assert.match(body, /\*\*Author\(s\)\*\*: \$\{4:/, 'tab stop for the authors');
  assert.match(body, /\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE/);
  const text = expand(skeleton.body, { y: '2026', m: '03', d: '04' });
  const findings = lint(parseSep(text, { fileName: '0000-title-of-the-proposal.md' }), { today: '2026-03-04' });
  assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`), []);
  assert.deepEqual(findings.filter((f) => /missing$/.test(f.rule)).map((f) => f.rule), []);
  assert.ok(text.includes('- **Created**: 2026-03-04'));
});

test('one snippet per standard section, heading spelled as the vocabulary spells it', () => {
  for (const s of SECTIONS) {
    const snip = snippets[`Section: ${s.name}`];
    assert.ok(snip, s.name);
    assert.equal(snip.body[0], `## ${s.name}`);
    assert.ok(snip.prefix.includes(`sep-${s.name.toLowerCase().replace(/ /g, '-')}`));
  }
});

test('one snippet per header field that parses as that field', () => {
  for (const f of FIELDS.filter((x) => x.required)) {
    const snip = Object.entries(snippets).find(([k]) => k === `Field: ${f.label}`)?.[1];
    assert.ok(snip, f.label);
    const line = expand(snip.body, { y: '2026', m: '03', d: '04' });
    const doc = parseSep(`# SEP-1: X\n\n${line}\n`, { fileName: '1-x.md' });
    assert.deepEqual(doc.header.fields.map((x) => x.key), [f.key], line);
  }
});
