/**
 * Where the sidebar's token may go. Two local servers: the fake GitHub the user configured, and a
 * second one that records every request it receives (the host a hostile workspace would pick).
 * The token must reach only the configured one; a workspace's own value is ignored.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { GitHubError, type FetchLike } from '../../../client/src/github';
import { createSidebarClient, ignoredApiUrlNotice, mayUseSession, readGitHubSettings, userApiUrl, type ApiUrlInspection, type SessionOrigin } from '../../../client/src/views/source';
import { FakeGitHub } from '../../support/fakeGitHub';

const REPO = { owner: 'modelcontextprotocol', repo: 'modelcontextprotocol' };
const TOKEN = 'gho_sourceTestTOKEN77';

/** What the sidebar does at start: settings from `inspect()`, then a client for the chosen URL. */
function sidebarClient(inspection: ApiUrlInspection, origin: SessionOrigin | undefined, fetch: FetchLike) {
  const { apiUrl } = readGitHubSettings({ repository: undefined, apiUrl: inspection, autoRefreshMinutes: undefined });
  return createSidebarClient(apiUrl, { token: async () => TOKEN, origin: () => origin }, { fetch, retryDelaysMs: [] });
}

/** A fetch that records where it was asked to go and answers an empty page itself (no network). */
function recordingFetch(): { fetch: FetchLike; calls: Array<{ url: string; authorization?: string }> } {
  const calls: Array<{ url: string; authorization?: string }> = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, authorization: init.headers.Authorization });
      return new Response('[]', { status: 200 });
    },
  };
}

describe('the API URL comes from user settings only', () => {
  it('a workspace or folder value is ignored and reported; the user value is used', () => {
    assert.deepEqual(userApiUrl({ workspaceValue: 'https://evil.example' }), { value: undefined, ignored: 'https://evil.example' });
    assert.deepEqual(userApiUrl({ workspaceFolderValue: 'https://evil.example', globalValue: 'https://ghe.example/api/v3' }), {
      value: 'https://ghe.example/api/v3',
      ignored: 'https://evil.example',
    });
    assert.deepEqual(userApiUrl({ globalValue: 'https://ghe.example/api/v3' }), { value: 'https://ghe.example/api/v3' });
    assert.deepEqual(userApiUrl({ globalValue: 'https://ghe.example/api/v3', workspaceValue: 'https://ghe.example/api/v3' }), { value: 'https://ghe.example/api/v3' });
    assert.deepEqual(userApiUrl(undefined), { value: undefined });
    assert.deepEqual(readGitHubSettings({ repository: 'o/r', apiUrl: { workspaceValue: 'https://evil.example/' }, autoRefreshMinutes: 0 }), {
      repository: 'o/r',
      apiUrl: 'https://api.github.com',
      autoRefreshMinutes: 0,
      ignoredApiUrl: 'https://evil.example/',
    });
  });

  it('the notice is one readable line that names the setting and shortens a long value', () => {
    const notice = ignoredApiUrlNotice(`https://evil.example/${'a'.repeat(5000)}`);
    assert.match(notice, /^This workspace sets sep\.github\.apiUrl to "https:\/\/evil\.example\/a+…"; that is ignored\. Set it in your user settings/);
    assert.ok(notice.length < 250 && !notice.includes('\n'));
  });

  it('a silent session goes to api.github.com only; a signed-in one also to the user\'s https or loopback server', () => {
    assert.equal(mayUseSession('https://api.github.com', 'silent'), true);
    assert.equal(mayUseSession('https://ghe.example/api/v3', 'silent'), false);
    assert.equal(mayUseSession('https://ghe.example/api/v3', 'interactive'), true);
    assert.equal(mayUseSession('http://ghe.example/api/v3', 'interactive'), false);
    assert.equal(mayUseSession('http://127.0.0.1:9', 'interactive'), true);
    assert.equal(mayUseSession('https://api.github.com.evil.example', 'silent'), false);
    assert.equal(mayUseSession('https://api.github.com', undefined), false);
  });

  it('with only a workspace value, requests go to api.github.com, never to the workspace\'s host', async () => {
    const { fetch, calls } = recordingFetch();
    await sidebarClient({ workspaceValue: 'https://evil.example/api' }, 'silent', fetch).listOpenIssues(REPO);
    assert.equal(calls.length, 1);
    assert.equal(new URL(calls[0].url).origin, 'https://api.github.com');
    assert.equal(calls[0].authorization, `Bearer ${TOKEN}`);
  });
});

describe('the token against two local servers', () => {
  let configured: FakeGitHub;
  let other: FakeGitHub;

  before(async () => {
    configured = await FakeGitHub.start();
    other = await FakeGitHub.start();
  });
  after(async () => {
    await configured.close();
    await other.close();
  });
  beforeEach(() => {
    for (const fake of [configured, other]) {
      fake.clearFailures();
      fake.requests.length = 0;
    }
  });

  it('a workspace value pointing at another server is ignored: every request goes to the user\'s server', async () => {
    const c = sidebarClient({ globalValue: configured.url, workspaceValue: other.url }, 'interactive', fetch);
    await c.listOpenIssues(REPO);
    assert.equal(configured.requests.length, 3);
    assert.ok(configured.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`));
    assert.equal(other.requests.length, 0);
  });

  it('a silent session is not sent to a server other than api.github.com, even the user\'s own', async () => {
    await sidebarClient({ globalValue: configured.url }, 'silent', fetch).getIssue(REPO, 1990);
    assert.equal(configured.requests.length, 1);
    assert.equal(configured.requests[0].headers.authorization, undefined);
  });

  it('a redirect to another host is not followed, so the token does not reach it', async () => {
    configured.fail({ kind: 'redirect', location: `${other.url}/repos/modelcontextprotocol/modelcontextprotocol/issues/1990` }, { times: 1 });
    const c = sidebarClient({ globalValue: configured.url }, 'interactive', fetch);
    await assert.rejects(c.getIssue(REPO, 1990), (e: unknown) => e instanceof GitHubError && /another host/.test(e.message));
    assert.equal(other.requests.length, 0);
  });

  it('a redirect within the configured server is followed, with the token', async () => {
    configured.fail({ kind: 'redirect', status: 301, location: '/repos/modelcontextprotocol/modelcontextprotocol/issues/1990' }, { match: /\/issues\/42$/, times: 1 });
    const issue = await sidebarClient({ globalValue: configured.url }, 'interactive', fetch).getIssue(REPO, 42);
    assert.equal(issue.number, 1990);
    assert.deepEqual(configured.requests.map((r) => r.status), [301, 200]);
    assert.equal(configured.requests[1].headers.authorization, `Bearer ${TOKEN}`);
  });
});
