/**
 * trace-row-unmatched on the real traceability files: a row taken from another SEP's file, appended to a real
 * file, is reported on that row; the rows the file already had are reported exactly when `sep-lint trace` lists
 * them as matching nothing (the JSON's rows with no statements).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normativeStatements, parseSep, parseTraceability, traceCoverage, unmatchedRowFindings } from '../../../server/src/sep';
import { referenceSeps } from '../fixes/corpus';
import { referenceTraceFiles } from '../../support/reference';

test('a foreign row appended to a real traceability file is reported, on its own lines', (t) => {
  const seps = referenceSeps(t);
  const traces = referenceTraceFiles(t);
  if (!seps || !traces) return;
  let checked = 0;
  for (const trace of traces) {
    const n = /^sep-(\d+)\.yaml$/.exec(trace.fileName)![1];
    const sep = seps.find((s) => s.fileName.startsWith(`${n}-`));
    if (!sep) continue;
    const statements = normativeStatements(parseSep(sep.text, { fileName: sep.fileName }));
    if (!statements.length) continue;
    const foreign = '  - text: \'Lighthouse keepers MUST polish every brass fitting before the ferry horn sounds\'\n    check: sep-' + n + '-brass\n';
    const text = `${trace.text.trimEnd()}\n${foreign}`;
    const { file } = parseTraceability(text, trace.fileName);
    const findings = unmatchedRowFindings(file, traceCoverage(statements, file), `SEP-${n}`);
    const last = file.rows.length - 1;
    const onForeign = findings.filter((f) => (f.data as { row: number }).row === last);
    assert.equal(onForeign.length, 1, `${trace.fileName}: the foreign row is reported`);
    const line = text.split('\n').findIndex((l) => l.includes('Lighthouse keepers'));
    assert.ok(onForeign[0].range.start.line <= line && line <= onForeign[0].range.end.line, `${trace.fileName}: on the foreign row`);
    assert.equal(onForeign[0].severity, 'information');
    assert.equal(onForeign[0].rule, 'trace-row-unmatched');
    const before = unmatchedRowFindings(parseTraceability(trace.text, trace.fileName).file, traceCoverage(statements, parseTraceability(trace.text, trace.fileName).file), `SEP-${n}`);
    assert.equal(findings.length, before.length + 1, `${trace.fileName}: the real rows are reported as before`);
    checked++;
  }
  assert.ok(checked >= 3, `${checked} real files checked`);
});
