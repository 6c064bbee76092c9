/**
 * Item 2 of issue 18: paths stay inside the client's roots (or the working directory when it has none), symbolic
 * links cannot lead out, and every bad input is a tool error (`isError: true`), never a crash or a protocol error.
 * No tool but check_github_sep touches the network.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { FakeGitHub } from '../../support/fakeGitHub';
import { data, startMcp, textOf, type McpTestClient } from './client';

const SEP = (status = 'draft'): string =>
  `# SEP-0000: Widget\n\n- **Status**: ${status}\n- **Type**: Process\n- **Created**: 2025-01-02\n- **Author(s)**: Bo <bo@example.org> (@bo)\n\n## Abstract\n\nText.\n`;

/** A tool error with a message matching `message`; the server is still answering afterwards. */
async function refused(mcp: McpTestClient, tool: string, args: Record<string, unknown>, message: RegExp): Promise<void> {
  const r = await mcp.call(tool, args);
  assert.equal(r.isError, true, `${tool} ${JSON.stringify(args)} should be a tool error, got ${textOf(r).slice(0, 200)}`);
  assert.match(textOf(r), message, `${tool} ${JSON.stringify(args)}`);
}

describe('MCP server: confinement and bad input', () => {
  let base = '';
  let workspace = '';
  let outside = '';
  let fake: FakeGitHub;
  let mcp: McpTestClient;

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'sep-mcp-conf-'));
    workspace = join(base, 'workspace');
    outside = join(base, 'outside');
    mkdirSync(join(workspace, 'seps'), { recursive: true });
    mkdirSync(join(outside, 'seps'), { recursive: true });
    writeFileSync(join(workspace, 'seps', '0001-inside.md'), SEP());
    writeFileSync(join(workspace, 'seps', 'README.md'), '# SEPs\n\nAn index.\n');
    writeFileSync(join(workspace, 'notes.txt'), 'not markdown\n');
    writeFileSync(join(outside, 'seps', '0002-outside.md'), SEP());
    symlinkSync(join(outside, 'seps', '0002-outside.md'), join(workspace, 'seps', '0003-link-out.md'));
    symlinkSync(join(outside, 'seps'), join(workspace, 'linked-seps'));
    symlinkSync(join(workspace, 'seps', '0001-inside.md'), join(workspace, 'seps', '0004-link-in.md'));
    mkdirSync(join(workspace, 'seps', '0005-folder.md'));
    fake = await FakeGitHub.start();
    mcp = await startMcp({ cwd: workspace, env: { SEP_GITHUB_API_URL: fake.url } });
  });
  after(async () => {
    await mcp.close();
    await fake.close();
    rmSync(base, { recursive: true, force: true });
  });

  test('a SEP inside the working directory is read (the client offers no roots)', async () => {
    const out = data<{ path: string }>(await mcp.call('check_sep', { path: 'seps/0001-inside.md' }));
    assert.equal(out.path, 'seps/0001-inside.md');
    const abs = data<{ path: string }>(await mcp.call('check_sep', { path: pathToFileURL(join(workspace, 'seps', '0001-inside.md')).href }));
    assert.equal(abs.path, 'seps/0001-inside.md', 'a file:// URI works too');
  });

  test('paths outside the roots are refused, by .. or absolute', async () => {
    await refused(mcp, 'check_sep', { path: '../outside/seps/0002-outside.md' }, /outside the workspace roots/);
    await refused(mcp, 'check_sep', { path: join(outside, 'seps', '0002-outside.md') }, /outside the workspace roots/);
    await refused(mcp, 'check_sep', { path: '/etc/passwd' }, /outside the workspace roots/);
    await refused(mcp, 'fix_sep', { path: join(outside, 'seps', '0002-outside.md'), write: true }, /outside the workspace roots/);
    assert.equal(readFileSync(join(outside, 'seps', '0002-outside.md'), 'utf8'), SEP());
  });

  test('a symbolic link that leads out of the roots is refused, file or folder', async () => {
    await refused(mcp, 'check_sep', { path: 'seps/0003-link-out.md' }, /symbolic link/);
    await refused(mcp, 'check_sep', { path: 'linked-seps/0002-outside.md' }, /symbolic link/);
    await refused(mcp, 'fix_sep', { path: 'seps/0003-link-out.md', write: true }, /symbolic link/);
    assert.equal(readFileSync(join(outside, 'seps', '0002-outside.md'), 'utf8'), SEP(), 'nothing written outside');
  });

  test('write: true never writes through a symbolic link, even one that stays inside', async () => {
    const read = data<{ changed: boolean }>(await mcp.call('fix_sep', { path: 'seps/0004-link-in.md' }));
    assert.equal(read.changed, true, 'reading through it is fine');
    await refused(mcp, 'fix_sep', { path: 'seps/0004-link-in.md', write: true }, /symbolic link/);
    assert.equal(readFileSync(join(workspace, 'seps', '0001-inside.md'), 'utf8'), SEP(), 'the target is unchanged');
  });

  test('a missing file, a folder, a non-SEP file: tool errors that say so', async () => {
    await refused(mcp, 'check_sep', { path: 'seps/0009-missing.md' }, /No such file/);
    await refused(mcp, 'check_sep', { path: 'seps/0005-folder.md' }, /not a file/);
    await refused(mcp, 'check_sep', { path: 'seps/README.md' }, /not a SEP/);
    await refused(mcp, 'check_sep', { path: 'notes.txt' }, /not a SEP/);
    await refused(mcp, 'fix_sep', { path: 'seps/README.md', write: true }, /not a SEP/);
    assert.equal(readFileSync(join(workspace, 'seps', 'README.md'), 'utf8'), '# SEPs\n\nAn index.\n');
  });

  test('malformed arguments are tool errors', async () => {
    await refused(mcp, 'check_sep', {}, /either "path".*or "text"/);
    await refused(mcp, 'check_sep', { path: 'seps/0001-inside.md', text: SEP() }, /not both/);
    await refused(mcp, 'check_sep', { path: 42 }, /Invalid arguments|expected string/i);
    await refused(mcp, 'check_sep', { path: '' }, /empty/);
    await refused(mcp, 'check_sep', { path: 'seps/\u0000x.md' }, /NUL/);
    await refused(mcp, 'check_sep', { path: 'https://example.com/0001.md' }, /No such file|outside/);
    await refused(mcp, 'fix_sep', { text: SEP(), write: true }, /write: true needs a path/);
    await refused(mcp, 'fix_sep', { path: 'seps/0001-inside.md', write: 'yes' }, /Invalid arguments|expected boolean/i);
    await refused(mcp, 'explain_rule', {}, /Invalid arguments|expected string/i);
    await refused(mcp, 'new_sep', { title: 'X', type: 'Big Idea', authors: 'Bo' }, /Invalid arguments|type/i);
    await refused(mcp, 'new_sep', { title: '  ', type: 'Process', authors: 'Bo' }, /title/);
    await refused(mcp, 'new_sep', { title: 'X', type: 'Process', authors: '' }, /author/);
    await refused(mcp, 'check_github_sep', { repository: 'owner/name', number: 1.5 }, /Invalid arguments|int/i);
    await refused(mcp, 'check_github_sep', { repository: 'owner/name', number: -3 }, /Invalid arguments|too small|>0/i);
    await refused(mcp, 'check_github_sep', { repository: 'not a repository', number: 3 }, /owner\/name/);
    const unknown = await mcp.client.callTool({ name: 'no_such_tool', arguments: {} }).catch((e: Error) => e);
    assert.ok(!(unknown instanceof Error) ? unknown.isError === true : /not found/.test(unknown.message), 'an unknown tool is an error, not a crash');
    const still = data<{ path: string }>(await mcp.call('check_sep', { path: 'seps/0001-inside.md' }));
    assert.equal(still.path, 'seps/0001-inside.md', 'the server still answers');
  });

  test('only check_github_sep uses the network', async () => {
    const before = fake.requests.length;
    await mcp.call('check_sep', { path: 'seps/0001-inside.md' });
    await mcp.call('fix_sep', { path: 'seps/0001-inside.md' });
    await mcp.call('explain_rule', { rule: 'section-missing' });
    await mcp.call('new_sep', { title: 'X', type: 'Process', authors: 'Bo' });
    assert.equal(fake.requests.length, before, 'no request from the local tools');
    await mcp.call('check_github_sep', { repository: `${fake.repo.owner}/${fake.repo.repo}`, number: 1 });
    assert.ok(fake.requests.length > before, 'check_github_sep asked the (fake) GitHub');
  });
});

describe('MCP server: the client\'s roots', () => {
  let base = '';
  let rootA = '';
  let rootB = '';

  before(() => {
    base = mkdtempSync(join(tmpdir(), 'sep-mcp-roots-'));
    rootA = join(base, 'a');
    rootB = join(base, 'b');
    for (const r of [rootA, rootB]) mkdirSync(join(r, 'seps'), { recursive: true });
    writeFileSync(join(rootA, 'seps', '0001-a.md'), SEP());
    writeFileSync(join(rootB, 'seps', '0002-b.md'), SEP());
    writeFileSync(join(base, '0003-between.md'), SEP());
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  test('relative paths resolve in the first root; any root\'s files are allowed; the working directory is not', async () => {
    const mcp = await startMcp({ cwd: base, roots: [rootA, rootB] });
    try {
      assert.equal(data<{ path: string }>(await mcp.call('check_sep', { path: 'seps/0001-a.md' })).path, 'seps/0001-a.md');
      assert.equal(data<{ path: string }>(await mcp.call('check_sep', { path: join(rootB, 'seps', '0002-b.md') })).path, 'seps/0002-b.md');
      await refused(mcp, 'check_sep', { path: join(base, '0003-between.md') }, /outside the workspace roots/);
      await refused(mcp, 'check_sep', { path: '../0003-between.md' }, /outside the workspace roots/);
    } finally {
      await mcp.close();
    }
  });

  test('a root that is the seps/ folder itself: its SEPs are still SEPs', async () => {
    // A SEP by its place and name only: its first heading does not start with "SEP-".
    writeFileSync(join(rootA, 'seps', '0006-plain.md'), '# Plain draft\n\nText.\n');
    const mcp = await startMcp({ cwd: base, roots: [join(rootA, 'seps')] });
    try {
      assert.equal(data<{ path: string }>(await mcp.call('check_sep', { path: '0006-plain.md' })).path, '0006-plain.md');
    } finally {
      await mcp.close();
    }
  });

  test('roots that are not existing local folders give access to nothing (not even the working directory)', async () => {
    const mcp = await startMcp({ cwd: rootA, roots: [pathToFileURL(join(base, 'gone')).href] });
    try {
      await refused(mcp, 'check_sep', { path: 'seps/0001-a.md' }, /local folder/);
    } finally {
      await mcp.close();
    }
  });

  test('a client with the roots capability but no roots falls back to the working directory', async () => {
    const mcp = await startMcp({ cwd: rootA, roots: [] });
    try {
      assert.equal(data<{ path: string }>(await mcp.call('check_sep', { path: 'seps/0001-a.md' })).path, 'seps/0001-a.md');
      await refused(mcp, 'check_sep', { path: join(rootB, 'seps', '0002-b.md') }, /outside the workspace roots/);
    } finally {
      await mcp.close();
    }
  });
});
