import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/sep/lint';
import { parseSep } from '../../server/src/sep/parse';
import { SECTIONS } from '../../common/vocabulary';
import { REVIEW_FILE, SEPS_DIR, TODAY, corpusPresent, currentTable, findingsOf, readExpected, sepFiles, sortKeys, type Table } from '../golden/golden';

/**
 * The golden test: the whole registry over every merged SEP in
 * ../shared/reference/seps, compared with the table in test/golden/expected.json
 * that a person reviewed finding by finding; every Error must have a line in
 * test/golden/REVIEW.md saying why it is a real defect of that SEP.
 */

function corpus(t: { skip(message: string): void }): boolean {
  if (corpusPresent()) return true;
  const why = `reference SEPs not found at ${SEPS_DIR}; golden test skipped`;
  if (process.env.CI === 'true') assert.fail(`${why} (CI=true requires them)`);
  t.skip(why);
  return false;
}

function diff(expected: Table, actual: Table): string[] {
  const out: string[] = [];
  for (const file of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const want = expected[file] ?? [];
    const got = actual[file] ?? [];
    const added = got.filter((k) => !want.includes(k));
    const gone = want.filter((k) => !got.includes(k));
    if (added.length || gone.length) out.push(`${file}: new ${JSON.stringify(added)}, no longer reported ${JSON.stringify(gone)}`);
  }
  return out;
}

test('golden: findings over every reference SEP match the reviewed table', (t) => {
  if (!corpus(t)) return;
  const expected = readExpected();
  assert.deepEqual(Object.keys(expected).sort(), sepFiles(), 'the table must list exactly the SEP files of the corpus');
  for (const file of Object.keys(expected)) assert.deepEqual(expected[file], sortKeys(expected[file]), `${file}: keep the table sorted`);
  const problems = diff(expected, currentTable());
  assert.deepEqual(problems, [], `findings changed; review them, then run \`npm run golden:update\` and record new Errors in test/golden/REVIEW.md:\n${problems.join('\n')}`);
});

test('golden: no rule fails on a reference SEP', (t) => {
  if (!corpus(t)) return;
  for (const file of sepFiles()) {
    const failed = findingsOf(file).filter((f) => /failed on this document/.test(f.message));
    assert.deepEqual(failed.map((f) => f.message), [], file);
  }
});

test('golden: every Error over the reference SEPs is explained in REVIEW.md', (t) => {
  if (!corpus(t)) return;
  const review = readFileSync(REVIEW_FILE, 'utf8').split('\n');
  const unexplained: string[] = [];
  for (const file of sepFiles()) {
    for (const f of findingsOf(file).filter((x) => x.severity === 'error')) {
      const k = `${f.range.start.line + 1}:${f.rule}`;
      const line = review.find((l) => l.includes(file) && l.includes(`\`${k}\``));
      if (!line || line.length < file.length + k.length + 40) unexplained.push(`${file} ${k}: ${f.message}`);
    }
  }
  assert.deepEqual(unexplained, [], 'each Error needs a REVIEW.md line "- `<file>` `<line>:<rule>`: why it is a real defect"');
});

test('golden: the untouched TEMPLATE.md is reported as template text in every standard section, and nothing is missing', (t) => {
  if (!corpus(t)) return;
  const text = readFileSync(join(SEPS_DIR, 'TEMPLATE.md'), 'utf8');
  const found = lint(parseSep(text, { fileName: '0000-template.md' }), { today: TODAY });
  const guided = found.filter((f) => f.rule === 'section-template-text').map((f) => f.data?.section);
  for (const s of SECTIONS) assert.ok(guided.includes(s.name), `no template text found in ${s.name}`);
  assert.ok(guided.includes(''), 'the note above the header is not reported');
  assert.deepEqual(found.filter((f) => /^section-(missing|near-miss|heading-level|order|duplicate|empty)$/.test(f.rule)), []);
});
