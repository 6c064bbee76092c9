import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTraceability, type Finding } from '../../../server/src/sep';
import { referenceTraceFiles } from '../../support/reference';

const check = (text: string, fileName = 'sep-5150.yaml') => parseTraceability(text, fileName).findings;
const rules = (findings: Finding[]) => findings.map((f) => f.rule);

const GOOD = [
  'sep: 5150',
  'spec_url: https://modelcontextprotocol.io/specification/draft/basic/lanterns',
  'requirements:',
  '  - check: sep-5150-glow',
  "    text: 'Lanterns MUST glow.'",
  '  - text: Keepers SHOULD trim the wick.',
  '    excluded: Not observable on the wire.',
  '    issue: https://github.com/modelcontextprotocol/conformance/issues/1',
  '',
].join('\n');

test('traceability: a well-formed file of ours has no findings and reads into rows with ranges', () => {
  const { file, findings } = parseTraceability(GOOD, 'sep-5150.yaml');
  assert.deepEqual(findings, []);
  assert.equal(file.sep, 5150);
  assert.equal(file.specUrl, 'https://modelcontextprotocol.io/specification/draft/basic/lanterns');
  assert.deepEqual(file.rows.map((r) => [r.check, r.excluded, r.text, r.range.start.line]), [
    ['sep-5150-glow', undefined, 'Lanterns MUST glow.', 3],
    [undefined, 'Not observable on the wire.', 'Keepers SHOULD trim the wick.', 5],
  ]);
});

test('traceability: every real traceability file passes the file check with no error', (t) => {
  const files = referenceTraceFiles(t);
  if (!files) return;
  assert.ok(files.length >= 6, `only ${files.length} files`);
  for (const { fileName, text } of files) {
    const { file, findings } = parseTraceability(text, fileName);
    assert.deepEqual(findings.filter((f) => f.severity === 'error'), [], fileName);
    assert.ok(file.rows.length > 0 && file.sep !== undefined, fileName);
  }
});

/** The first line of a real file holding a row's `check` or `excluded`, and which of the two it is. */
function firstVerdict(text: string): { line: number; key: 'check' | 'excluded' } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => /^\s*-?\s*(check|excluded):/.test(l));
  return { line, key: /check:/.test(lines[line]) ? 'check' : 'excluded' };
}

test('traceability: each damage to a real file gives its finding', (t) => {
  const files = referenceTraceFiles(t);
  if (!files) return;
  for (const { fileName, text } of files) {
    const lines = text.split('\n');
    const { line, key } = firstVerdict(text);
    const sep = /^sep:\s*(\d+)/m.exec(text)![1];
    const pad = ' '.repeat(lines[line].length - lines[line].trimStart().replace(/^-\s*/, '').length);
    const other = key === 'check' ? `excluded: 'both'` : `check: sep-${sep}-both`;
    const row = (id: string) => `  - check: ${id}\n    text: 'Lanterns MUST glow.'`;
    const damages: [string, string, string][] = [
      ['neither check nor excluded', 'trace-row-incomplete', lines.map((l, i) => (i === line ? l.replace(/(check|excluded):.*$/, 'note: removed') : l)).join('\n')],
      ['both check and excluded', 'trace-row-ambiguous', lines.map((l, i) => (i === line ? `${l}\n${pad}${other}` : l)).join('\n')],
      ['a duplicated check id', 'trace-check-duplicate', `${text.trimEnd()}\n${row(`sep-${sep}-twice`)}\n${row(`sep-${sep}-twice`)}\n`],
      ['a check id of another SEP', 'trace-check-prefix', `${text.trimEnd()}\n${row(`sep-${Number(sep) + 1}-other`)}\n`],
      ['a sep that disagrees with the file name', 'trace-sep-mismatch', text.replace(/^sep:\s*\d+/m, `sep: ${Number(sep) + 1}`)],
      ['broken YAML', 'trace-yaml-syntax', `${text.trimEnd()}\n  - text: 'unterminated\n    check: [x\n`],
    ];
    for (const [what, rule, damaged] of damages) {
      assert.notEqual(damaged, text, `${fileName}: ${what}: the damage changed nothing`);
      const found = rules(check(damaged, fileName));
      assert.ok(found.includes(rule), `${fileName}: ${what} gives ${rule}, got ${found.join(', ')}`);
    }
  }
});

test('traceability: trace-yaml-syntax points at the error', () => {
  const [f] = check('sep: 5150\nrequirements:\n  - text: "open\n');
  assert.equal(f.rule, 'trace-yaml-syntax');
  assert.equal(f.severity, 'error');
  assert.ok(f.range.start.line >= 2, JSON.stringify(f.range));
  assert.deepEqual(rules(check('a: &a [1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n')), ['trace-yaml-syntax']);
});

test('traceability: trace-file-too-large skips a file past 1 MB with one finding', () => {
  const big = `${GOOD}${'# padding\n'.repeat(110_000)}`;
  assert.deepEqual(rules(check(big)), ['trace-file-too-large']);
});

test('traceability: trace-file-structure reports a file that is not the expected shape', () => {
  assert.deepEqual(rules(check('- a\n- b\n')), ['trace-file-structure']);
  assert.deepEqual(rules(check('sep: 5150\nspec_url: https://example.test/s\nrequirements:\n  - just a string\n')), ['trace-file-structure']);
  assert.deepEqual(rules(check('sep: 5150\nspec_url: https://example.test/s\n')), ['trace-file-structure']);
  assert.deepEqual(rules(check('sep: five\nspec_url: https://example.test/s\nrequirements: []\n')), ['trace-file-structure']);
  assert.deepEqual(rules(check('sep: 5150\nspec_url: https://example.test/s\nrequirements:\n  - text: [a]\n    check: sep-5150-a\n')), ['trace-file-structure', 'trace-row-incomplete']);
});

test('traceability: trace-sep-mismatch compares sep with the file name only when the name has a number', () => {
  const [f] = check(GOOD, 'sep-5151.yaml');
  assert.equal(f.rule, 'trace-sep-mismatch');
  assert.equal(f.range.start.line, 0);
  assert.deepEqual(check(GOOD, 'draft.yaml'), []);
});

test('traceability: trace-row-incomplete, trace-row-ambiguous and trace-check-duplicate name the row', () => {
  const rows = (...r: string[]) => `sep: 5150\nspec_url: https://example.test/s\nrequirements:\n${r.join('\n')}\n`;
  const noText = check(rows('  - check: sep-5150-a'));
  assert.deepEqual(rules(noText), ['trace-row-incomplete']);
  assert.match(noText[0].message, /Row 1 has no `text`/);
  const neither = check(rows('  - text: A MUST b.'));
  assert.match(neither[0].message, /Row 1 has neither `check` nor `excluded`/);
  const both = check(rows('  - text: A MUST b.', '    check: sep-5150-a', '    excluded: no'));
  assert.deepEqual(rules(both), ['trace-row-ambiguous']);
  assert.equal(both[0].range.start.line, 5);
  const dup = check(rows('  - text: A MUST b.', '    check: sep-5150-a', '  - text: C MUST d.', '    check: sep-5150-a'));
  assert.deepEqual(rules(dup), ['trace-check-duplicate']);
  assert.match(dup[0].message, /already used by row 1/);
  assert.equal(dup[0].range.start.line, 6);
});

test('traceability: trace-check-prefix wants sep-<number>- of the file, from sep or the file name', () => {
  const text = 'sep: 5150\nspec_url: https://example.test/s\nrequirements:\n  - text: A MUST b.\n    check: glow\n  - text: C MUST d.\n    check: sep-515-d\n';
  const found = check(text);
  assert.deepEqual(rules(found), ['trace-check-prefix', 'trace-check-prefix']);
  assert.equal(found[0].severity, 'warning');
  assert.deepEqual(rules(check(text.replace('sep: 5150\n', ''), 'sep-5150.yaml')), ['trace-file-structure', 'trace-check-prefix', 'trace-check-prefix']);
});

test('traceability: trace-url-invalid reports spec_url, issue and url that are not http(s) URLs', () => {
  const text = 'sep: 5150\nspec_url: lanterns.md\nrequirements:\n  - text: A MUST b.\n    excluded: no\n    issue: "#208"\n    url: ftp://example.test/x\n';
  const found = check(text);
  assert.deepEqual(rules(found), ['trace-url-invalid', 'trace-url-invalid', 'trace-url-invalid']);
  assert.deepEqual(found.map((f) => f.range.start.line), [1, 5, 6]);
});

test('traceability: severity overrides apply, and off silences a rule', () => {
  const text = 'sep: 5150\nspec_url: x\nrequirements: []\n';
  assert.deepEqual(parseTraceability(text, 'sep-5150.yaml', { rules: { 'trace-url-invalid': 'error' } }).findings.map((f) => f.severity), ['error']);
  assert.deepEqual(parseTraceability(text, 'sep-5150.yaml', { rules: { 'trace-url-invalid': 'off' } }).findings, []);
});
