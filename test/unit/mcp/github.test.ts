/**
 * check_github_sep over stdio against the local GitHub-like server (test/support/fakeGitHub.ts): the same
 * documents as the editor's Open SEP (a pull request's SEP files at its head commit, its description when it
 * changes none, an issue-era SEP's body), GitHub failures as tool errors, and GITHUB_TOKEN never echoed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { FakeGitHub, headSha, sepMarkdown, type FakeIssue, type FakeRepo } from '../../support/fakeGitHub';
import { NUMBERED_BODY, POINTER_DESCRIPTION } from '../../support/issueEra';
import { data, startMcp, textOf, type FindingOut, type McpTestClient } from './client';

const TOKEN = 'ghp_mcpTestToken0123456789abcdefXYZ';

interface Checked {
  repository: string;
  number: number;
  kind: string;
  title: string;
  documents: { source: string; name: string; commit?: string; isSep: boolean; findings: FindingOut[] }[];
}

function issue(number: number, title: string, labels: string[], body: string, files?: FakeIssue['pull']): FakeIssue {
  return { number, title, state: 'open', user: 'ada', labels, assignees: [], createdAt: '2026-01-02T00:00:00Z', updatedAt: '2026-01-03T00:00:00Z', body, pull: files };
}

function repo(): FakeRepo {
  const sep = (n: number, title: string, omit: string[] = []): string => sepMarkdown({ number: n, title, status: 'Draft', author: 'ada', sponsor: '@bo', omit });
  return {
    owner: 'octo',
    repo: 'specs',
    id: 4242,
    issues: [
      issue(10, 'SEP-10: Widget Ping', ['SEP', 'draft'], 'Adds the widget ping SEP.', {
        headSha: headSha(10), headRef: 'sep-10',
        files: [
          { filename: 'seps/10-widget-ping.md', status: 'added', content: sep(10, 'Widget Ping', ['Motivation']) },
          { filename: 'docs/widgets.mdx', status: 'modified', content: '# Widgets\n' },
        ],
      }),
      issue(11, 'SEP: Lantern Negotiation', ['SEP'], POINTER_DESCRIPTION, { headSha: headSha(11), headRef: 'sep-11', files: [{ filename: 'docs/x.md', status: 'modified', content: 'x\n' }] }),
      issue(12, 'SEP-12: Lantern Negotiation', ['SEP', 'proposal'], NUMBERED_BODY),
      issue(13, 'Fix a typo in the tools page', ['documentation'], 'Typo.'),
      issue(14, 'SEP-14: Two files', ['SEP'], 'Two SEP files.', {
        headSha: headSha(14), headRef: 'sep-14',
        files: [
          { filename: 'seps/14-first.md', status: 'added', content: sep(14, 'First') },
          { filename: 'seps/15-second.md', status: 'added', content: sep(15, 'Second', ['Rationale']) },
        ],
      }),
    ],
  };
}

/** Every string a result carries, text and structured content. */
function everything(result: CallToolResult): string {
  return `${textOf(result)}\n${JSON.stringify(result.structuredContent ?? {})}\n${JSON.stringify(result)}`;
}

describe('MCP server: check_github_sep', () => {
  let dir = '';
  let fake: FakeGitHub;
  let mcp: McpTestClient;
  const outputs: string[] = [];
  const call = async (args: Record<string, unknown>): Promise<CallToolResult> => {
    const r = await mcp.call('check_github_sep', args);
    outputs.push(everything(r));
    return r;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sep-mcp-gh-'));
    fake = await FakeGitHub.start({ repos: [repo()], tokens: [TOKEN] });
    mcp = await startMcp({ cwd: dir, env: { SEP_GITHUB_API_URL: fake.url, GITHUB_TOKEN: TOKEN } });
  });
  after(async () => {
    await mcp.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a pull request: its seps/*.md file at the head commit, with the findings the editor shows', async () => {
    const out = data<Checked>(await call({ repository: 'octo/specs', number: 10 }));
    assert.equal(out.kind, 'pull');
    assert.equal(out.title, 'SEP-10: Widget Ping');
    assert.equal(out.documents.length, 1, 'only the SEP file, not docs/');
    const [doc] = out.documents;
    assert.deepEqual({ source: doc.source, name: doc.name, commit: doc.commit, isSep: doc.isSep }, { source: 'file', name: 'seps/10-widget-ping.md', commit: headSha(10), isSep: true });
    assert.ok(doc.findings.some((f) => f.rule === 'section-missing' && /Motivation/.test(f.message)), doc.findings.map((f) => f.rule).join(', '));
    assert.ok(fake.requests.some((r) => r.path.includes(`/contents/seps/10-widget-ping.md`) && r.path.includes(headSha(10))), 'read at the head commit');
  });

  test('a pull request that changes no SEP file: its description, which only points at the SEP, is not checked as one', async () => {
    const out = data<Checked>(await call({ repository: 'octo/specs', number: 11 }));
    assert.equal(out.documents.length, 1);
    assert.equal(out.documents[0].source, 'description');
    assert.deepEqual(out.documents[0].findings.map((f) => f.rule), ['pull-description-not-sep']);
  });

  test('an issue-era SEP: the issue body, checked as a SEP', async () => {
    const out = data<Checked>(await call({ repository: 'octo/specs', number: 12 }));
    assert.equal(out.kind, 'issue');
    const [doc] = out.documents;
    assert.equal(doc.source, 'description');
    assert.equal(doc.isSep, true);
    assert.equal(doc.name, '12-lantern-negotiation.md');
    assert.ok(doc.findings.some((f) => f.rule === 'section-missing' && /Specification/.test(f.message)), 'the body has no Specification');
    assert.ok(doc.findings.some((f) => f.rule === 'field-sponsor-missing'));
    assert.ok(!doc.findings.some((f) => f.rule === 'pull-description-not-sep'));
  });

  test('several SEP files: all of them, or the one named by file', async () => {
    const all = data<Checked>(await call({ repository: 'octo/specs', number: 14 }));
    assert.deepEqual(all.documents.map((d) => d.name), ['seps/14-first.md', 'seps/15-second.md']);
    const one = data<Checked>(await call({ repository: 'octo/specs', number: 14, file: 'seps/15-second.md' }));
    assert.deepEqual(one.documents.map((d) => d.name), ['seps/15-second.md']);
    assert.ok(one.documents[0].findings.some((f) => f.rule === 'section-missing' && /Rationale/.test(f.message)));
    const none = await call({ repository: 'octo/specs', number: 14, file: 'seps/99-nope.md' });
    assert.equal(none.isError, true);
    assert.match(textOf(none), /seps\/14-first\.md, seps\/15-second\.md/);
  });

  test('not a SEP, no such issue, GitHub failing: tool errors with GitHub\'s reason', async () => {
    const notSep = await call({ repository: 'octo/specs', number: 13 });
    assert.equal(notSep.isError, true);
    assert.match(textOf(notSep), /not a SEP/);
    const missing = await call({ repository: 'octo/specs', number: 999 });
    assert.equal(missing.isError, true);
    assert.match(textOf(missing), /GitHub: .*(not found|404)/i);
    fake.fail({ kind: 'status', status: 500 }, { times: 10 });
    const down = await call({ repository: 'octo/specs', number: 10 });
    fake.clearFailures();
    assert.equal(down.isError, true);
    assert.match(textOf(down), /GitHub/);
  });

  test('the token from GITHUB_TOKEN is sent to GitHub and never appears in any output', async () => {
    assert.ok(fake.requests.length > 0);
    assert.ok(fake.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`), 'every request was signed in');
    assert.ok(outputs.length >= 8);
    for (const o of outputs) assert.ok(!o.includes(TOKEN) && !o.includes(TOKEN.slice(4, 20)), 'no output carries the token');
    assert.ok(!mcp.stderr().includes(TOKEN), 'nor does the server\'s stderr');
  });

  test('a token GitHub rejects: a tool error that does not quote it', async () => {
    const wrong = 'ghp_wrongToken9876543210zyxwvu';
    const other = await startMcp({ cwd: dir, env: { SEP_GITHUB_API_URL: fake.url, GITHUB_TOKEN: wrong } });
    try {
      const r = await other.call('check_github_sep', { repository: 'octo/specs', number: 10 });
      assert.equal(r.isError, true);
      assert.ok(!everything(r).includes(wrong) && !other.stderr().includes(wrong), everything(r));
    } finally {
      await other.close();
    }
  });
});
