/**
 * check_sep and fix_sep over stdio on the real, merged SEPs (read at test time from ../shared/reference):
 * a copy with its Motivation removed gets section-missing; fix_sep's output leaves nothing fix_sep could fix.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { referenceSeps, removeSections } from '../fixes/corpus';
import { data, startMcp, type FindingOut, type McpTestClient } from './client';

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
