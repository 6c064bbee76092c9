/**
 * check_sep and fix_sep over stdio on the real, merged SEPs (read at test time from ../shared/reference):
 * a copy with its Motivation removed gets section-missing; fix_sep's output leaves nothing fix_sep could fix.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { referenceSeps, removeSections } from '../fixes/corpus';
import { referenceTraceFiles } from '../../support/reference';
import { data, startMcp, type FindingOut, type McpTestClient } from './client';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

describe('MCP server on the reference SEPs', () => {
  let dir = '';
  let mcp: McpTestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sep-mcp-ref-'));
    mkdirSync(join(dir, 'seps'));
    mcp = await startMcp({ cwd: dir });
  });
  after(async () => {
    await mcp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const motivationMissing = (findings: FindingOut[]): boolean =>
    findings.some((f) => f.rule === 'section-missing' && /"## Motivation"/.test(f.message));

  test('a reference SEP with its Motivation removed gets section-missing from check_sep (by path)', async (t) => {
    const seps = referenceSeps(t);
    if (!seps) return;
    let checked = 0;
    for (const { fileName, text } of seps) {
      const cut = removeSections(text, fileName, ['Motivation']);
      if (cut === text) continue;
      writeFileSync(join(dir, 'seps', fileName), text);
      const whole = data<{ findings: FindingOut[] }>(await mcp.call('check_sep', { path: `seps/${fileName}` }));
      assert.equal(motivationMissing(whole.findings), false, `${fileName} as merged has its Motivation`);
      writeFileSync(join(dir, 'seps', fileName), cut);
      const out = data<{ findings: FindingOut[]; path: string }>(await mcp.call('check_sep', { path: `seps/${fileName}` }));
      assert.equal(out.path, `seps/${fileName}`);
      assert.ok(motivationMissing(out.findings), `${fileName} without Motivation: ${out.findings.map((f) => f.rule).join(', ')}`);
      checked++;
    }
    assert.ok(checked >= 20, `most reference SEPs have a Motivation to remove (checked ${checked})`);
  });

  test('fix_sep output passes check_sep with no finding that has a certain fix', async (t) => {
    const seps = referenceSeps(t);
    if (!seps) return;
    let changed = 0;
    for (const { fileName, text } of seps) {
      // Drafts are where fixes matter: the same SEP with a Draft status gets the full checks.
      const draft = text.replace(/^([ \t]*[-*][ \t]*\*\*Status\*\*:[ \t]*)Final\b/m, '$1draft');
      const fixed = data<{ text: string; changed: boolean }>(await mcp.call('fix_sep', { text: draft, fileName }));
      if (fixed.changed) changed++;
      const after = data<{ findings: FindingOut[] }>(await mcp.call('check_sep', { text: fixed.text, fileName }));
      const left = after.findings.filter((f) => f.certainFix);
      assert.deepEqual(left.map((f) => `${f.rule}@${f.line}`), [], `${fileName}: fix_sep left fixable findings`);
    }
    assert.ok(changed > 0, 'fix_sep changed at least one reference SEP');
  });

  test('fix_sep with write: true on a reference SEP writes what it returns', async (t) => {
    const seps = referenceSeps(t);
    if (!seps) return;
    const { fileName, text } = seps[0];
    const draft = text.replace(/^([ \t]*[-*][ \t]*\*\*Status\*\*:[ \t]*)Final\b/m, '$1draft');
    const file = join(dir, 'seps', fileName);
    writeFileSync(file, draft);
    const out = data<{ text: string; changed: boolean; written: boolean }>(await mcp.call('fix_sep', { path: `seps/${fileName}`, write: true }));
    assert.equal(out.changed, true, 'the lower-case status at least is fixed');
    assert.equal(out.written, true);
    assert.equal(readFileSync(file, 'utf8'), out.text);
  });
});

describe('MCP server: sep_requirements on the reference SEPs and their real traceability files', () => {
  let dir = '';
  let mcp: McpTestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sep-mcp-req-'));
    mkdirSync(join(dir, 'seps'));
    mcp = await startMcp({ cwd: dir });
  });
  after(async () => {
    await mcp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  interface Requirements {
    sep?: number;
    statements: { line: number; level: string; heading: string; text: string }[];
    coverage?: { rows: { statements: number[] }[]; uncovered: number[] };
  }

  test('lists the statements as sep-lint trace does, and a deleted row uncovers what only it covered', async (t) => {
    const seps = referenceSeps(t);
    const traces = referenceTraceFiles(t);
    if (!seps || !traces) return;
    let compared = 0;
    for (const trace of traces) {
      const number = Number(/^sep-(\d+)\.yaml$/.exec(trace.fileName)![1]);
      const sep: { fileName: string; text: string } | undefined = seps.find((s) => s.fileName.startsWith(`${number}-`));
      if (!sep) continue;
      writeFileSync(join(dir, 'seps', sep.fileName), sep.text);
      writeFileSync(join(dir, trace.fileName), trace.text);
      const got: Requirements = data<Requirements>(await mcp.call('sep_requirements', { path: `seps/${sep.fileName}`, traceability: trace.fileName }));
      assert.equal(got.sep, number);
      // Exit code 1 when statements are uncovered: the JSON is on stdout either way.
      const run = spawnSync(process.execPath, [CLI, 'trace', join(dir, 'seps', sep.fileName), '--yaml', join(dir, trace.fileName), '--format', 'json'], { encoding: 'utf8' });
      const cli = JSON.parse(run.stdout) as Requirements;
      assert.deepEqual(got, cli, `${sep.fileName}: the same answer as sep-lint trace --format json`);
      const onlyCovered = got.coverage!.rows.findIndex((r) => r.statements.some((s) => got.coverage!.rows.filter((o) => o.statements.includes(s)).length === 1));
      if (onlyCovered >= 0) {
        const rows = trace.text.split(/(?=^  - )/m);
        // The rows are list items under `requirements:`; drop the one at that index.
        const withoutRow = [rows[0], ...rows.slice(1).filter((_, i) => i !== onlyCovered)].join('');
        writeFileSync(join(dir, trace.fileName), withoutRow);
        const less = data<Requirements>(await mcp.call('sep_requirements', { path: `seps/${sep.fileName}`, traceability: trace.fileName }));
        assert.ok(less.coverage!.uncovered.length > got.coverage!.uncovered.length, `${trace.fileName}: deleting row ${onlyCovered} uncovers a statement`);
      }
      compared++;
    }
    assert.ok(compared >= 3, `${compared} SEPs compared with their traceability files`);
    const outside = await mcp.call('sep_requirements', { path: `seps/${seps[0].fileName}`, traceability: '../sep-1.yaml' });
    assert.equal(outside.isError, true, 'a traceability file outside the roots is refused');
  });
});
