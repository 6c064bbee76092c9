import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  normativeStatements,
  parseSep,
  parseTraceability,
  traceCoverage,
  uncoveredFindings,
  type NormativeStatement,
  type TraceabilityFile,
} from '../../../server/src/sep';
import { doc } from './helpers';
import { referenceSeps } from '../fixes/corpus';
import { referenceTraceFiles } from '../../support/reference';

const SPEC = [
  '## Specification',
  '',
  'Lanterns MUST glow amber when a keeper lights them.',
  'Keepers SHOULD trim every wick before sunset.',
  'Harbour lanterns MUST NOT flash faster than once per second.',
  'Visitors MAY ask for a blue lantern.',
  '',
].join('\n');

const statementsOf = (body: string): NormativeStatement[] => normativeStatements(parseSep(doc({ body }), { fileName: '5150-lanterns.md' }));
const fileOf = (...rows: [string, string][]): TraceabilityFile => ({
  sep: 5150,
  rows: rows.map(([text, check]) => ({ text, check, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })),
});

test('coverage: a reworded row covers its statement; MAY-level statements are never uncovered', () => {
  const statements = statementsOf(SPEC);
  assert.equal(statements.length, 4);
  const file = fileOf(['A lantern MUST glow amber once a keeper lights it.', 'sep-5150-glow']);
  const c = traceCoverage(statements, file);
  assert.deepEqual(c.rows, [{ row: 0, statements: [0] }]);
  assert.deepEqual(c.uncovered, [1, 2]);
});

test('coverage: a `/`-joined row covers each of its parts, and a row may cover several statements', () => {
  const statements = statementsOf(SPEC);
  const joined = fileOf(['Keepers SHOULD trim every wick before sunset / Harbour lanterns MUST NOT flash faster than once per second', 'sep-5150-wick']);
  assert.deepEqual(traceCoverage(statements, joined).rows[0].statements, [1, 2]);
  const unsplit = fileOf(['Keepers SHOULD trim every wick before sunset and harbour lanterns MUST NOT flash faster than once per second', 'sep-5150-wick']);
  assert.deepEqual(traceCoverage(statements, unsplit).rows[0].statements, [1, 2]);
});

test('coverage: an unrelated row covers nothing; the best candidate is still named', () => {
  const statements = statementsOf(SPEC);
  const c = traceCoverage(statements, fileOf(['Servers MUST answer pings within a second.', 'sep-5150-ping']));
  assert.deepEqual(c.rows, [{ row: 0, statements: [] }]);
  assert.deepEqual(c.uncovered, [0, 1, 2]);
  assert.deepEqual(c.candidates.map((x) => [x.statement, x.row]), [[2, 0]]);
  assert.ok(c.candidates[0].score > 0 && c.candidates[0].score < 0.45);
});

test('trace-uncovered: one information finding per uncovered MUST/SHOULD statement, on it, naming the closest row', () => {
  const statements = statementsOf(SPEC);
  const file = fileOf(['Lanterns MUST glow amber when a keeper lights them.', 'sep-5150-glow'], ['Keepers SHOULD trim wicks weekly at noon, harbour side.', 'sep-5150-trim-weekly']);
  const c = traceCoverage(statements, file);
  const found = uncoveredFindings(statements, file, c, 'sep-5150.yaml');
  assert.deepEqual(found.map((f) => [f.rule, f.severity, f.range]), c.uncovered.map((i) => ['trace-uncovered', 'information', statements[i].range]));
  const trim = found.find((f) => f.range === statements[1].range);
  if (trim) assert.match(trim.message, /No row of `sep-5150.yaml` covers this SHOULD-level statement.*closest is row 2 \(`sep-5150-trim-weekly`\)/);
  assert.ok(found.some((f) => /MUST-level/.test(f.message)));
  assert.deepEqual(uncoveredFindings(statements, file, c, 'sep-5150.yaml', { 'trace-uncovered': 'off' }), []);
  assert.deepEqual(uncoveredFindings(statements, file, c, 'sep-5150.yaml', { 'trace-uncovered': 'warning' }).map((f) => f.severity)[0], 'warning');
});

interface Pair {
  n: string;
  statements: NormativeStatement[];
  file: TraceabilityFile;
}

/** The reference SEPs that have a real traceability file, with the file. */
function pairs(t: { skip(msg: string): void }): Pair[] | undefined {
  const seps = referenceSeps(t);
  const files = seps && referenceTraceFiles(t);
  if (!seps || !files) return undefined;
  return files.flatMap(({ fileName, text }) => {
    const n = /\d+/.exec(fileName)![0];
    const sep = seps.find((s) => s.fileName.startsWith(`${n}-`));
    if (!sep) return [];
    return [{ n, statements: normativeStatements(parseSep(sep.text, { fileName: sep.fileName })), file: parseTraceability(text, fileName).file }];
  });
}

test('coverage on the reference SEPs: deleting a row uncovers the statements it alone covered, and only those', (t) => {
  const all = pairs(t);
  if (!all) return;
  assert.ok(all.length >= 5, `${all.length} SEPs with a traceability file`);
  let rows = 0;
  let attributed = 0;
  let uncoveringDeletions = 0;
  for (const { n, statements, file } of all) {
    const before = traceCoverage(statements, file);
    rows += file.rows.length;
    attributed += before.rows.filter((r) => r.statements.length > 0).length;
    file.rows.forEach((_, r) => {
      const rest = { ...file, rows: file.rows.filter((_, i) => i !== r) };
      const after = traceCoverage(statements, rest);
      const coveredElsewhere = new Set(before.rows.filter((x) => x.row !== r).flatMap((x) => x.statements));
      const expected = new Set(before.uncovered);
      for (const s of before.rows[r].statements) if (!coveredElsewhere.has(s) && statements[s].level !== 'may') expected.add(s);
      assert.deepEqual(after.uncovered, [...expected].sort((a, b) => a - b), `SEP-${n}: deleting row ${r + 1}`);
      if (after.uncovered.length > before.uncovered.length) uncoveringDeletions++;
    });
  }
  assert.ok(uncoveringDeletions >= 10, `only ${uncoveringDeletions} deletions uncovered a statement`);
  const share = attributed / rows;
  t.diagnostic(`rows attributed to a SEP statement: ${attributed} of ${rows} (${Math.round(share * 100)}%)`);
  assert.ok(share >= 0.3 && share <= 0.9, `share ${share}`);
});

test('coverage on the reference SEPs agrees with pairings checked by hand', (t) => {
  const all = pairs(t);
  if (!all) return;
  // [SEP, a phrase of the row (its text or check id), a phrase of the SEP statement it covers, or null for none]
  const hand: [string, string, string | null][] = [
    ['2164', 'sep-2164-no-empty-contents', 'MUST NOT return an empty contents array'],
    ['2164', 'sep-2164-error-code', 'servers MUST return a JSON-RPC error with code -32602'],
    ['2164', 'clients SHOULD also accept -32002', null],
    ['2575', 'sep-2575-server-implements-discover', 'Servers MUST implement server/discover.'],
    ['2575', 'sep-2575-missing-capability-http-400', 'For HTTP, the response status code MUST be 400 Bad Request.'],
    ['2468', 'MCP authorization servers SHOULD include the iss parameter', 'MCP authorization servers SHOULD include an issuer (iss) parameter'],
    ['2207', 'SHOULD NOT include `offline_access`', 'SHOULD NOT include offline_access in the scope parameter'],
  ];
  for (const [n, rowPhrase, statementPhrase] of hand) {
    const pair: Pair | undefined = all.find((p) => p.n === n);
    assert.ok(pair, `SEP-${n} and its file`);
    const c = traceCoverage(pair.statements, pair.file);
    const r: number = pair.file.rows.findIndex((row) => row.check === rowPhrase || (row.text ?? '').includes(rowPhrase));
    assert.ok(r >= 0, `SEP-${n}: row ${rowPhrase}`);
    const covered: string[] = c.rows[r].statements.map((i) => pair.statements[i].text);
    if (statementPhrase === null) assert.deepEqual(covered, [], `SEP-${n}: ${rowPhrase}`);
    else assert.ok(covered.some((s) => s.includes(statementPhrase)), `SEP-${n}: ${rowPhrase} covers "${statementPhrase}", got ${JSON.stringify(covered)}`);
  }
  const sep2164 = all.find((p) => p.n === '2164')!;
  const uncovered = traceCoverage(sep2164.statements, sep2164.file).uncovered.map((i) => sep2164.statements[i].text);
  assert.ok(uncovered.some((s) => s.includes('SHOULD include the uri')), 'SEP-2164: no row traces the `data.uri` SHOULD');
});
