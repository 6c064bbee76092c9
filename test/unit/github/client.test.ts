import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { GitHubClient, GitHubError, parseLinkHeader, parseRepository, type FetchLike, type RepoRef } from '../../../client/src/github';
import { FakeGitHub, headSha } from '../../support/fakeGitHub';

const REPO: RepoRef = { owner: 'modelcontextprotocol', repo: 'modelcontextprotocol' };
const TOKEN = 'gho_SECRETtoken0123456789';

/** Runs `fn`, expecting a GitHubError; returns it. */
async function failure(fn: () => Promise<unknown>): Promise<GitHubError> {
  try {
    await fn();
  } catch (error) {
    assert.ok(error instanceof GitHubError, `expected a GitHubError, got ${String(error)}`);
    assert.ok(!JSON.stringify({ m: error.message, s: error.stack, d: error.details }).includes(TOKEN), 'the token leaked into the error');
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('GitHub client against the fake GitHub server', () => {
  let fake: FakeGitHub;
  const client = (token?: string, extra: { timeoutMs?: number; fetch?: FetchLike } = {}): GitHubClient =>
    new GitHubClient({ apiUrl: fake.url, token: async () => token, fetch: extra.fetch ?? fetch, timeoutMs: extra.timeoutMs, sleep: async () => undefined });

  before(async () => {
    fake = await FakeGitHub.start({ tokens: [TOKEN] });
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.clearFailures();
    fake.requests.length = 0;
  });

  it('follows the Link header over three pages and returns issues and pull requests', async () => {
    const listing = await client(TOKEN).listOpenIssues(REPO);
    assert.equal(listing.pages, 3);
    assert.equal(listing.items.length, fake.repo.issues.filter((i) => i.state === 'open').length);
    assert.ok(listing.items.length > 200, 'the default scenario needs more than two pages of 100');
    assert.deepEqual(
      fake.requests.map((r) => r.path.replace(/\d{6,}/, 'ID')),
      [
        '/repos/modelcontextprotocol/modelcontextprotocol/issues?state=open&per_page=100',
        '/repositories/ID/issues?state=open&per_page=100&page=2',
        '/repositories/ID/issues?state=open&per_page=100&page=3',
      ],
    );
    const pull = listing.items.find((i) => i.number === 2031);
    assert.ok(pull?.pull_request, 'pull requests carry pull_request');
    assert.equal(listing.items.find((i) => i.number === 1990)?.pull_request, undefined);
    assert.ok(!listing.items.some((i) => i.number === 1911), 'closed items are not listed');
    assert.equal(new Set(listing.items.map((i) => i.number)).size, listing.items.length, 'no item twice');
  });

  it('sends the token as a bearer header, and none when signed out', async () => {
    await client(TOKEN).getIssue(REPO, 1990);
    await client(undefined).getIssue(REPO, 1990);
    assert.equal(fake.requests[0].headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(fake.requests[1].headers.authorization, undefined);
    assert.match(fake.requests[0].headers.accept ?? '', /application\/vnd\.github/);
  });

  it('revalidates with ETags: an unchanged refresh is three 304s and free', async () => {
    const c = client(TOKEN);
    const first = await c.listOpenIssues(REPO);
    const remaining = c.rateLimit.remaining;
    fake.requests.length = 0;
    const second = await c.listOpenIssues(REPO);
    assert.deepEqual(fake.requests.map((r) => r.status), [304, 304, 304]);
    assert.ok(fake.requests.every((r) => r.headers['if-none-match']?.startsWith('W/"')));
    assert.equal(second.notModified, true);
    assert.deepEqual(second.items, first.items);
    assert.equal(c.rateLimit.remaining, remaining, '304s do not use the rate limit');
  });

  it('sees a change on one page while reusing the unchanged ones', async () => {
    const c = client(TOKEN);
    await c.listOpenIssues(REPO);
    const issue = fake.issue(2031)!;
    const before = issue.title;
    issue.title = 'SEP-2031: Streaming partial tool results (v2)';
    try {
      fake.requests.length = 0;
      const listing = await c.listOpenIssues(REPO);
      assert.equal(listing.notModified, false);
      assert.equal(listing.items.find((i) => i.number === 2031)?.title, issue.title);
      assert.ok(fake.requests.some((r) => r.status === 200) && fake.requests.some((r) => r.status === 304));
    } finally {
      issue.title = before;
    }
  });

  it('401: a revoked token is an unauthorized error without the token in it', async () => {
    const error = await failure(() => client('gho_revokedTOKEN').listOpenIssues(REPO));
    assert.equal(error.kind, 'unauthorized');
    assert.equal(error.status, 401);
    assert.match(error.message, /sign in again/i);
    assert.ok(!error.message.includes('gho_revokedTOKEN'));
  });

  it('403 with rate-limit headers: says until when, then waits without touching the network', async () => {
    const resetAt = new Date(Math.ceil((Date.now() + 42 * 60_000) / 1000) * 1000);
    fake.fail({ kind: 'rateLimited', resetAt }, { times: 1 });
    const c = client(undefined);
    const error = await failure(() => c.listOpenIssues(REPO));
    assert.equal(error.kind, 'rateLimited');
    assert.equal(error.status, 403);
    assert.equal(error.resetAt?.getTime(), resetAt.getTime());
    assert.ok(error.message.includes(resetAt.toISOString()), error.message);
    assert.equal(c.rateLimit.remaining, 0);
    const count = fake.requests.length;
    const again = await failure(() => c.listOpenIssues(REPO));
    assert.equal(again.kind, 'rateLimited');
    assert.equal(fake.requests.length, count, 'no request while rate limited');
    c.clearCache(); // another account (e.g. after signing in) has its own limit
    await c.getIssue(REPO, 1990);
    assert.equal(fake.requests.length, count + 1);
  });

  it('403 with retry-after (secondary limit) waits that many seconds', async () => {
    fake.fail({ kind: 'rateLimited', retryAfter: 120 }, { times: 1 });
    const started = Date.now();
    const error = await failure(() => client(undefined).getIssue(REPO, 1990));
    assert.equal(error.kind, 'rateLimited');
    const wait = error.resetAt!.getTime() - started;
    assert.ok(wait >= 119_000 && wait <= 125_000, `waits ~120 s, got ${wait}`);
  });

  it('stops asking once x-ratelimit-remaining reaches 0, until the reset', async () => {
    const small = await FakeGitHub.start({ rateLimit: { anonymous: 2 } });
    try {
      const c = new GitHubClient({ apiUrl: small.url, token: async () => undefined, fetch });
      const error = await failure(() => c.listOpenIssues(REPO));
      assert.equal(error.kind, 'rateLimited');
      assert.deepEqual(small.requests.map((r) => r.status), [200, 200], 'the third page is not requested');
      assert.equal(c.rateLimit.remaining, 0);
      assert.equal(error.resetAt?.getTime(), c.rateLimit.resetAt?.getTime(), 'waits for x-ratelimit-reset');
    } finally {
      await small.close();
    }
  });

  it('a 403 from an exhausted limit says so (another client used it up)', async () => {
    const small = await FakeGitHub.start({ rateLimit: { anonymous: 1 } });
    try {
      await fetch(`${small.url}/repos/modelcontextprotocol/modelcontextprotocol`);
      const c = new GitHubClient({ apiUrl: small.url, token: async () => undefined, fetch });
      const error = await failure(() => c.getIssue(REPO, 1990));
      assert.equal(error.kind, 'rateLimited');
      assert.equal(error.status, 403);
      assert.deepEqual(small.requests.map((r) => r.status), [200, 403]);
    } finally {
      await small.close();
    }
  });

  it('404: an unknown repository is notFound', async () => {
    const error = await failure(() => client(TOKEN).listOpenIssues({ owner: 'nobody', repo: 'nothing' }));
    assert.equal(error.kind, 'notFound');
    assert.equal(error.status, 404);
  });

  it('500 is a server error once two retries failed too', async () => {
    fake.fail({ kind: 'status', status: 500 });
    const error = await failure(() => client(TOKEN).listOpenIssues(REPO));
    assert.equal(error.kind, 'server');
    assert.equal(error.status, 500);
    assert.deepEqual(fake.requests.map((r) => r.status), [500, 500, 500]);
  });

  it('a hanging response times out', async () => {
    fake.fail({ kind: 'hang' }, { match: /page=2/ });
    const started = Date.now();
    const error = await failure(() => client(TOKEN, { timeoutMs: 300 }).listOpenIssues(REPO));
    assert.equal(error.kind, 'timeout');
    assert.ok(Date.now() - started < 3000, 'gave up quickly');
    assert.equal(fake.requests.length, 2, 'first page answered, second hung');
  });

  it('malformed JSON is reported as such', async () => {
    fake.fail({ kind: 'malformed' });
    const error = await failure(() => client(TOKEN).listOpenIssues(REPO));
    assert.equal(error.kind, 'malformed');
    assert.match(error.message, /not valid JSON/);
  });

  it('valid JSON of the wrong shape is malformed too', async () => {
    const wrong: FetchLike = async () => new Response(JSON.stringify({ message: 'not a list' }), { status: 200 });
    const error = await failure(() => client(TOKEN, { fetch: wrong }).listOpenIssues(REPO));
    assert.equal(error.kind, 'malformed');
  });

  it('refuses to follow a Link to another host (the token stays home)', async () => {
    const other = await FakeGitHub.start();
    try {
      const redirecting: FetchLike = async (url, init) => {
        const res = await fetch(url, init);
        const headers = new Headers(res.headers);
        headers.set('link', `<${other.url}/repos/x/y/issues?page=2>; rel="next"`);
        return new Response(await res.text(), { status: res.status, headers });
      };
      const error = await failure(() => client(TOKEN, { fetch: redirecting }).listOpenIssues(REPO));
      assert.equal(error.kind, 'malformed');
      assert.equal(other.requests.length, 0);
    } finally {
      await other.close();
    }
  });

  it('reads a pull request, its files and a file at the head commit', async () => {
    const c = client(TOKEN);
    const pull = await c.getPull(REPO, 2031);
    assert.equal(pull.head.sha, headSha(2031));
    const files = await c.listPullFiles(REPO, 2031);
    assert.deepEqual(files.map((f) => f.filename), ['seps/2031-streaming-partial-tool-results.md', 'docs/specification/draft/server/tools.mdx']);
    const text = await c.getFileText(REPO, files[0].filename, pull.head.sha);
    assert.ok(text.startsWith('# SEP-2031: Streaming partial tool results\n'), text.slice(0, 80));
    assert.match(fake.requests.at(-1)!.path, /\/contents\/seps\/2031-streaming-partial-tool-results\.md\?ref=[0-9a-f]{40}$/);
    const missing = await failure(() => c.getFileText(REPO, files[0].filename, 'f'.repeat(40)));
    assert.equal(missing.kind, 'notFound');
  });

  it("reads an issue's body", async () => {
    const issue = await client(TOKEN).getIssue(REPO, 1990);
    assert.equal(issue.title, 'SEP-1990: Server identity metadata');
    assert.match(issue.body ?? '', /^## Abstract/);
  });
});

describe('GitHub client network failures', () => {
  it('a refused connection is offline', async () => {
    const fake = await FakeGitHub.start();
    const url = fake.url;
    await fake.close();
    const c = new GitHubClient({ apiUrl: url, token: async () => TOKEN, fetch, retryDelaysMs: [] });
    const error = await failure(() => c.listOpenIssues(REPO));
    assert.equal(error.kind, 'offline');
    assert.match(error.message, /Cannot reach 127\.0\.0\.1:\d+: ECONNREFUSED/);
  });

  it('a DNS failure (as undici reports it) is offline and says the name did not resolve', async () => {
    const dnsFailure: FetchLike = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.github.test'), { code: 'ENOTFOUND' }) });
    };
    const c = new GitHubClient({ apiUrl: 'https://api.github.test', token: async () => TOKEN, fetch: dnsFailure, retryDelaysMs: [] });
    const error = await failure(() => c.listOpenIssues(REPO));
    assert.equal(error.kind, 'offline');
    assert.match(error.message, /api\.github\.test: ENOTFOUND \(the host name could not be resolved\)/);
  });

  it('a throwing token provider means signed out, not a failed request', async () => {
    const fake = await FakeGitHub.start();
    try {
      const c = new GitHubClient({ apiUrl: fake.url, token: async () => Promise.reject(new Error('no auth provider')), fetch });
      await c.getIssue(REPO, 1990);
      assert.equal(fake.requests[0].headers.authorization, undefined);
    } finally {
      await fake.close();
    }
  });
});

describe('Link header and repository parsing', () => {
  it('parses GitHub Link headers', () => {
    const links = parseLinkHeader('<https://api.github.com/repositories/1/issues?page=2>; rel="next", <https://api.github.com/repositories/1/issues?page=3>; rel="last"');
    assert.equal(links.get('next'), 'https://api.github.com/repositories/1/issues?page=2');
    assert.equal(links.get('last'), 'https://api.github.com/repositories/1/issues?page=3');
    assert.equal(parseLinkHeader(undefined).size, 0);
    assert.equal(parseLinkHeader('garbage').size, 0);
  });

  it('parses owner/name settings', () => {
    assert.deepEqual(parseRepository('modelcontextprotocol/modelcontextprotocol'), { owner: 'modelcontextprotocol', repo: 'modelcontextprotocol' });
    assert.deepEqual(parseRepository(' octo-org/spec.repo.git '), { owner: 'octo-org', repo: 'spec.repo' });
    assert.equal(parseRepository('no-slash'), undefined);
    assert.equal(parseRepository('a/b/c'), undefined);
    assert.equal(parseRepository('https://github.com/a/b'), undefined);
  });
});
