/**
 * The SEP tools over stdio: the tool list with schemas and annotations, new_sep, explain_rule, and
 * check_sep/fix_sep on small documents written here. dist/mcp.js must be built (npm test builds it).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { data, startMcp, textOf, type FindingOut, type McpTestClient } from './client';

const TODAY = new Date().toISOString().slice(0, 10);

describe('MCP server: tools', () => {
  let dir = '';
  let mcp: McpTestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sep-mcp-tools-'));
    mkdirSync(join(dir, 'seps'));
    mcp = await startMcp({ cwd: dir });
  });
  after(async () => {
    await mcp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('lists the six tools, each with a description, input and output schemas and honest annotations', async () => {
    const { tools } = await mcp.client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    assert.deepEqual([...byName.keys()].sort(), ['check_github_sep', 'check_sep', 'explain_rule', 'fix_sep', 'new_sep', 'sep_requirements']);
    for (const t of tools) {
      assert.ok((t.description ?? '').length > 80, `${t.name} has a description`);
      assert.equal(t.inputSchema.type, 'object');
      assert.equal(t.outputSchema?.type, 'object', `${t.name} declares an output schema`);
      assert.equal(typeof t.annotations?.readOnlyHint, 'boolean', `${t.name} says whether it is read-only`);
      assert.equal(typeof t.annotations?.openWorldHint, 'boolean', `${t.name} says whether it reaches the outside world`);
    }
    const hints = (name: string) => byName.get(name)!.annotations!;
    for (const name of ['check_sep', 'explain_rule', 'new_sep', 'check_github_sep', 'sep_requirements']) assert.equal(hints(name).readOnlyHint, true, name);
    assert.equal(hints('fix_sep').readOnlyHint, false, 'fix_sep may write the file');
    assert.equal(hints('fix_sep').destructiveHint, true, 'fix_sep replaces the file');
    assert.equal(hints('check_github_sep').openWorldHint, true);
    for (const name of ['check_sep', 'fix_sep', 'explain_rule', 'new_sep', 'sep_requirements']) assert.equal(hints(name).openWorldHint, false, name);
    assert.deepEqual(Object.keys(byName.get('check_sep')!.inputSchema.properties ?? {}).sort(), ['fileName', 'path', 'text']);
    assert.ok('write' in (byName.get('fix_sep')!.inputSchema.properties ?? {}));
    const finding = (byName.get('check_sep')!.outputSchema!.properties as Record<string, { items?: { properties?: object } }>).findings.items!.properties!;
    for (const key of ['rule', 'severity', 'line', 'column', 'message', 'certainFix']) assert.ok(key in finding, `findings carry ${key}`);
    const newSep = byName.get('new_sep')!.inputSchema;
    assert.deepEqual([...(newSep.required ?? [])].sort(), ['authors', 'title', 'type']);
  });

  test('new_sep returns the New SEP… draft: template header filled in, every section, quiet under check_sep', async () => {
    const out = data<{ text: string; fileName: string; suggestedPath: string; abstractLine: number }>(await mcp.call('new_sep', {
      title: 'Streaming Tool Results',
      type: 'Standards Track',
      authors: 'Ada Example <ada@example.org> (@ada-example)',
      sponsor: 'octocat',
    }));
    assert.equal(out.fileName, '0000-streaming-tool-results.md');
    assert.equal(out.suggestedPath, 'seps/0000-streaming-tool-results.md');
    const lines = out.text.split('\n');
    assert.equal(lines[0], '# SEP-0000: Streaming Tool Results');
    assert.ok(lines.includes('- **Type**: Standards Track'));
    assert.ok(lines.includes('- **Author(s)**: Ada Example <ada@example.org> (@ada-example)'));
    assert.ok(lines.includes('- **Sponsor**: @octocat'), 'the sponsor handle gets its @');
    assert.ok(lines.includes(`- **Created**: ${TODAY}`));
    for (const s of ['Abstract', 'Motivation', 'Specification', 'Rationale', 'Backward Compatibility', 'Security Implications', 'Reference Implementation']) {
      assert.ok(lines.includes(`## ${s}`), `has ## ${s}`);
    }
    const at = out.abstractLine - 1;
    assert.match(lines[at - 1], /^<!-- .* -->$/, 'the Abstract\'s text goes after its comment');
    assert.equal(lines[at - 3], '## Abstract');
    // A new draft is what the process expects at its stage: hints at most, nothing to fix.
    const checked = data<{ findings: FindingOut[] }>(await mcp.call('check_sep', { text: out.text, fileName: out.fileName }));
    assert.ok(checked.findings.length > 0, 'the empty sections are reported');
    assert.deepEqual(checked.findings.filter((f) => f.severity !== 'hint'), []);
  });

  test('new_sep without a sponsor writes None; a sponsor that is not a handle is a tool error', async () => {
    const none = data<{ text: string }>(await mcp.call('new_sep', { title: 'A', type: 'Process', authors: 'Bo <bo@example.org>' }));
    assert.match(none.text, /^- \*\*Sponsor\*\*: None$/m);
    const bad = await mcp.call('new_sep', { title: 'A', type: 'Process', authors: 'Bo', sponsor: 'not a handle!' });
    assert.equal(bad.isError, true);
    assert.match(textOf(bad), /sponsor/i);
  });

  test('explain_rule answers from the rule\'s page: what it checks, why, how to satisfy it', async () => {
    const out = data<Record<string, string>>(await mcp.call('explain_rule', { rule: 'section-missing' }));
    assert.equal(out.rule, 'section-missing');
    assert.equal(out.defaultSeverity, 'warning');
    assert.match(out.whatItChecks, /Motivation/);
    assert.match(out.why, /guidelines/i);
    assert.match(out.howToSatisfy, /^## Example/m);
    const page = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules', 'section-missing.md'), 'utf8');
    assert.equal(out.page, page, 'the page shipped in docs/rules/');
    assert.ok(!out.howToSatisfy.includes('final-seps:start'), 'no generator markers');
  });

  test('explain_rule explains every rule: each page gives what it checks, why, and how to satisfy it', async () => {
    const ids = readdirSync(join(__dirname, '..', '..', '..', 'docs', 'rules')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
    assert.ok(ids.length > 30);
    for (const rule of ids) {
      const out = data<Record<string, string>>(await mcp.call('explain_rule', { rule }));
      assert.equal(out.rule, rule);
      for (const key of ['description', 'whatItChecks', 'why', 'howToSatisfy']) assert.ok(out[key].trim().length > 20, `${rule}: ${key}`);
    }
  });

  test('explain_rule refuses what is not a rule id, paths included', async () => {
    for (const rule of ['no-such-rule', '../../package', 'section-missing/../../README', '']) {
      const r = await mcp.call('explain_rule', { rule });
      assert.equal(r.isError, true, rule);
      assert.match(textOf(r), /No rule/);
    }
  });

  test('check_sep on text reports line, column, plain message and whether fix_sep fixes it', async () => {
    const text = [
      '# SEP-0000: Widget Ping Timeout',
      '',
      '- **Status**: draft',
      '- **Type**: Standards Track',
      `- **Created**: ${TODAY}`,
      '- **Author(s)**: Ada Example <ada@example.org> (@ada-example)',
      '- **Sponsor**: None',
      '',
      '## Abstract',
      '',
      'Adds a ping timeout to the widget protocol.',
      '',
    ].join('\n');
    const out = data<{ findings: FindingOut[]; counts: Record<string, number> }>(await mcp.call('check_sep', { text }));
    const missing = out.findings.filter((f) => f.rule === 'section-missing');
    assert.ok(missing.some((f) => /Motivation/.test(f.message)), 'Motivation is missing');
    assert.ok(missing.every((f) => f.line === 1 && f.column === 1 && !f.certainFix), 'on the title line, a suggestion only');
    const status = out.findings.find((f) => f.line === 3);
    assert.ok(status, 'the lower-case Status value is reported on its line');
    assert.equal(status.certainFix, true, 'its canonical spelling is a certain fix');
    const pr = out.findings.find((f) => f.rule === 'field-pr-missing');
    assert.ok(pr && !pr.message.includes('`') && !pr.message.startsWith('The header has no **PR**'), `plain text: ${pr?.message}`);
    assert.equal(out.counts.warnings, out.findings.filter((f) => f.severity === 'warning').length);

    const fixed = data<{ text: string; changed: boolean; written: boolean; remaining: FindingOut[] }>(await mcp.call('fix_sep', { text }));
    assert.equal(fixed.changed, true);
    assert.equal(fixed.written, false);
    assert.match(fixed.text, /^- \*\*Status\*\*: Draft$/m);
    assert.deepEqual(fixed.remaining.filter((f) => f.certainFix), []);
  });

  test('fix_sep with a path and write: true replaces the file; without write it leaves it', async () => {
    const file = join(dir, 'seps', '0000-widget.md');
    const before = `# SEP-0000: Widget\n\n- **Status**: draft\n- **Type**: standards track\n- **Created**: ${TODAY}\n- **Author(s)**: Bo <bo@example.org> (@bo)\n\n## Abstract\n\nText.\n`;
    writeFileSync(file, before);
    const dry = data<{ text: string; written: boolean }>(await mcp.call('fix_sep', { path: 'seps/0000-widget.md' }));
    assert.equal(dry.written, false);
    assert.equal(readFileSync(file, 'utf8'), before);
    const wet = data<{ text: string; written: boolean; path: string }>(await mcp.call('fix_sep', { path: 'seps/0000-widget.md', write: true }));
    assert.equal(wet.written, true);
    assert.equal(wet.path, 'seps/0000-widget.md');
    assert.equal(readFileSync(file, 'utf8'), wet.text);
    assert.match(wet.text, /^- \*\*Type\*\*: Standards Track$/m);
    const again = data<{ changed: boolean }>(await mcp.call('fix_sep', { path: join(dir, 'seps', '0000-widget.md'), write: true }));
    assert.equal(again.changed, false, 'fixing twice changes nothing the second time');
  });

  test('sep-lint mcp serves the same tools', async () => {
    const viaCli = await startMcp({ cwd: dir, viaCli: true });
    try {
      const { tools } = await viaCli.client.listTools();
      assert.equal(tools.length, 6);
      const r = data<{ findings: FindingOut[] }>(await viaCli.call('check_sep', { path: 'seps/0000-widget.md' }));
      assert.ok(Array.isArray(r.findings));
    } finally {
      await viaCli.close();
    }
  });
});
