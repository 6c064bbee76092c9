import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FakeGitHub } from '../../support/fakeGitHub';

const ROOT = join(__dirname, '..', '..', '..');

describe('fake GitHub server', () => {
  it('runs as a CLI on the given port and serves the default scenario', async () => {
    const probe = await FakeGitHub.start();
    const port = Number(new URL(probe.url).port);
    await probe.close(); // a port that was free a moment ago
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/fakeGitHub.ts', '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          out += chunk;
          const match = /FAKE_GITHUB_URL=(\S+)/.exec(out);
          if (match) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${out}`)));
      });
      assert.equal(url, `http://127.0.0.1:${port}`);
      const res = await fetch(`${url}/repos/modelcontextprotocol/modelcontextprotocol/issues?state=open&per_page=100`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('link') ?? '', /rel="next".*rel="last"/);
      assert.equal(((await res.json()) as unknown[]).length, 100);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('answers like GitHub: default page size 30, Link rels, 304 on a matching ETag, 404 JSON', async () => {
    const fake = await FakeGitHub.start();
    try {
      const first = await fetch(`${fake.url}/repos/modelcontextprotocol/modelcontextprotocol/issues`);
      assert.equal(((await first.json()) as unknown[]).length, 30);
      assert.match(first.headers.get('link') ?? '', /<http:\/\/127\.0\.0\.1:\d+\/repositories\/\d+\/issues\?page=2>; rel="next"/);
      const etag = first.headers.get('etag')!;
      const again = await fetch(`${fake.url}/repos/modelcontextprotocol/modelcontextprotocol/issues`, { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304);
      const missing = await fetch(`${fake.url}/repos/nobody/nothing/issues`);
      assert.equal(missing.status, 404);
      assert.deepEqual(Object.keys((await missing.json()) as object).sort(), ['documentation_url', 'message', 'status']);
    } finally {
      await fake.close();
    }
  });
});
