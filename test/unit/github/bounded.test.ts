/**
 * GitHub data the sidebar cannot trust: a server that sends huge lists and texts, a stored list that
 * was tampered with, pages that fail now and then, a 401 to a user who never signed in, and a rate
 * limit that ends. Runs against the fake GitHub with repositories built here.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { GitHubClient, type FetchLike } from '../../../client/src/github';
import { SidebarModel, type ListStore, type SavedList, type SetTimer } from '../../../client/src/views/model';
import { rootNodes } from '../../../client/src/views/nodes';
import { SAVED_LIMITS } from '../../../client/src/views/saved';
import { daysAgo, defaultRepo, FakeGitHub, type FakeIssue, type FakeRepo } from '../../support/fakeGitHub';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const REPOSITORY = 'modelcontextprotocol/modelcontextprotocol';
const REF = { owner: 'modelcontextprotocol', repo: 'modelcontextprotocol' };

class MemoryStore implements ListStore {
  value: unknown;
  cleared = 0;
  get(): unknown {
    return this.value;
  }
  async set(value: SavedList): Promise<void> {
    this.value = JSON.parse(JSON.stringify(value));
  }
  async clear(): Promise<void> {
    this.cleared++;
    this.value = undefined;
  }
}

function sepIssue(number: number, extra: Partial<FakeIssue> = {}): FakeIssue {
  return { number, title: `SEP-${number}: Proposal ${number}`, state: 'open', user: 'ada', labels: ['SEP', 'draft'], assignees: [], createdAt: daysAgo(NOW, 3), updatedAt: daysAgo(NOW, 1), body: '', ...extra };
}

/** A repository no real one resembles: 700 open SEPs, one with a 100 000-character title and 1 000 labels and assignees. */
function hostileRepo(): FakeRepo {
  const issues = Array.from({ length: 700 }, (_, i) => sepIssue(10_000 + i));
  issues[0] = sepIssue(10_000, {
    createdAt: daysAgo(NOW, 0.5),
    title: `SEP-10000: ${'<b>x</b> '.repeat(12_000)}`,
    labels: ['SEP', ...Array.from({ length: 1000 }, (_, i) => `label-${'y'.repeat(200)}-${i}`)],
    assignees: Array.from({ length: 1000 }, (_, i) => `user${i}${'z'.repeat(100)}`),
  });
  return { owner: REF.owner, repo: REF.repo, id: 424242, issues };
}

describe('bounded GitHub data', () => {
  let fake: FakeGitHub;
  let hostile: FakeGitHub;
  let store: MemoryStore;
  let clock: number;
  let sleeps: number[];
  let timers: Array<{ run: () => void; ms: number }>;
  const setTimer: SetTimer = (run, ms) => {
    timers.push({ run, ms });
    return { dispose: () => undefined };
  };
  const client = (url: string, token?: string, fetchImpl: FetchLike = fetch) =>
    new GitHubClient({ apiUrl: url, token: async () => token, fetch: fetchImpl, now: () => clock, sleep: async (ms) => void sleeps.push(ms) });
  const model = (source: GitHubClient, url: string, signedIn = false) =>
    new SidebarModel({ source, repository: REPOSITORY, apiUrl: url, store, now: () => clock, signedIn: () => signedIn, setTimer });

  before(async () => {
    fake = await FakeGitHub.start({ repos: [defaultRepo(NOW)], tokens: ['gho_goodTOKEN'] });
    hostile = await FakeGitHub.start({ repos: [hostileRepo()] });
  });
  after(async () => {
    await fake.close();
    await hostile.close();
  });
  beforeEach(() => {
    fake.clearFailures();
    fake.requests.length = 0;
    store = new MemoryStore();
    clock = NOW;
    sleeps = [];
    timers = [];
  });

  it('the saved list is capped in items and string lengths, whatever the server sends', async () => {
    const m = model(client(hostile.url), hostile.url);
    assert.equal((await m.refresh()).ok, true);
    const saved = store.value as SavedList;
    assert.equal(saved.items.length, SAVED_LIMITS.items);
    const big = saved.items.find((i) => i.number === 10_000)!;
    assert.ok(big.title.length <= SAVED_LIMITS.title && big.title.endsWith('…'));
    assert.equal(big.labels.length, SAVED_LIMITS.labels);
    assert.ok(big.labels.every((l) => l.length <= SAVED_LIMITS.label));
    assert.equal(big.assignees.length, SAVED_LIMITS.people);
    assert.ok(JSON.stringify(saved).length < 300_000, `saved ${JSON.stringify(saved).length} characters`);
    assert.equal(m.items?.length, SAVED_LIMITS.items, 'the view shows the same bounded list');
  });

  it('a stored value that is oversized or malformed is dropped and removed, not trusted', async () => {
    await model(client(fake.url), fake.url).refresh();
    const good = store.value as SavedList;
    assert.ok(model(client(fake.url), fake.url).items?.length, 'a good stored list is shown at start');
    const tampered: Array<[string, unknown]> = [
      ['too many items', { ...good, items: Array.from({ length: SAVED_LIMITS.items + 1 }, () => good.items[0]) }],
      ['a huge title', { ...good, items: [{ ...good.items[0], title: 'x'.repeat(1_000_000) }] }],
      ['a huge label list', { ...good, items: [{ ...good.items[0], labels: Array.from({ length: 10_000 }, () => 'SEP') }] }],
      ['a non-web link', { ...good, items: [{ ...good.items[0], url: 'command:workbench.action.quit' }] }],
      ['a bad date', { ...good, fetchedAt: 'yesterday' }],
      ['a number that is not one', { ...good, items: [{ ...good.items[0], number: 1e300 }] }],
      ['a string', 'garbage'],
    ];
    for (const [name, value] of tampered) {
      store.value = value;
      store.cleared = 0;
      assert.equal(model(client(fake.url), fake.url).items, undefined, name);
      await Promise.resolve();
      assert.equal(store.cleared, 1, `${name}: removed from storage`);
    }
    store.value = { ...good, repository: 'other/repo' };
    store.cleared = 0;
    assert.equal(model(client(fake.url), fake.url).items, undefined);
    assert.equal(store.cleared, 0, 'a good list of another repository is left for the next refresh to replace');
  });

  it('a 5xx on page 2 of 3 is retried with backoff and the refresh succeeds', async () => {
    fake.fail({ kind: 'status', status: 502 }, { match: /page=2/, times: 2 });
    const m = model(client(fake.url), fake.url);
    assert.equal((await m.refresh()).ok, true);
    assert.deepEqual(fake.requests.map((r) => r.status), [200, 502, 502, 200, 200]);
    assert.equal(sleeps.length, 2);
    assert.ok(sleeps[1] > sleeps[0] && sleeps[0] > 0, `backoff grows: ${sleeps.join(', ')}`);
  });

  it('a page that keeps failing is asked three times in all, then the refresh fails', async () => {
    fake.fail({ kind: 'status', status: 503 }, { match: /page=2/ });
    const m = model(client(fake.url), fake.url);
    const result = await m.refresh();
    assert.equal(result.problem?.kind, 'server');
    assert.deepEqual(fake.requests.map((r) => r.status), [200, 503, 503, 503]);
  });

  it('a network error is retried too; a 404 is not', async () => {
    let dropped = 0;
    const flaky: FetchLike = async (url, init) => {
      if (url.includes('page=3') && dropped++ === 0) throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
      return fetch(url, init);
    };
    assert.equal((await model(client(fake.url, undefined, flaky), fake.url).refresh()).ok, true);
    assert.equal(dropped, 2);
    fake.requests.length = 0;
    await assert.rejects(client(fake.url).getIssue(REF, 999_999));
    assert.equal(fake.requests.length, 1);
  });

  it('a 401 without a session says the server refused anonymous access; with one, that the sign-in was rejected', async () => {
    fake.fail({ kind: 'status', status: 401, message: 'Requires authentication' });
    const anonymous = model(client(fake.url), fake.url, false);
    await anonymous.refresh();
    assert.match(anonymous.problem!.message, /refused anonymous access \(401\)/);
    assert.doesNotMatch(anonymous.problem!.message, /rejected your sign-in/);
    assert.equal(anonymous.problem!.offerSignIn, true);
    assert.equal(anonymous.problem!.signInRejected, false, 'Sign in asks for a session, not a replacement');
    const signedIn = model(client(fake.url, 'gho_goodTOKEN'), fake.url, true);
    await signedIn.refresh();
    assert.match(signedIn.problem!.message, /rejected your sign-in \(401\)/);
    assert.equal(signedIn.problem!.signInRejected, true);
  });

  it('while rate-limited the row says when the list refreshes by itself, and it does then', async () => {
    const resetAt = new Date(NOW + 17 * 60_000);
    fake.fail({ kind: 'rateLimited', resetAt });
    const m = model(client(fake.url), fake.url);
    await m.refresh();
    const hhmm = `${String(resetAt.getHours()).padStart(2, '0')}:${String(resetAt.getMinutes()).padStart(2, '0')}`;
    assert.match(rootNodes(m)[0].label, new RegExp(`refreshes by itself at ${hhmm} \\(in 17 min\\)`));
    assert.equal(timers.length, 1);
    assert.equal(timers[0].ms, 17 * 60_000 + 1000, 'a second after the reset GitHub announced');
    fake.clearFailures();
    clock = resetAt.getTime() + 1000;
    const before = fake.requests.length;
    timers[0].run();
    await new Promise<void>((resolve) => m.onDidChange(() => !m.loading && resolve()));
    assert.equal(m.problem, undefined);
    assert.equal(fake.requests.length - before, 3, 'the whole list was fetched again');
  });

  it('Retry while rate-limited asks GitHub once; an automatic refresh does not ask', async () => {
    fake.fail({ kind: 'rateLimited', resetAt: new Date(NOW + 30 * 60_000) });
    const m = model(client(fake.url), fake.url);
    await m.refresh();
    assert.equal(fake.requests.length, 1);
    await m.refresh();
    assert.equal(fake.requests.length, 1, 'automatic: waits without a request');
    const retried = await m.refresh({ userAsked: true });
    assert.equal(fake.requests.length, 2, 'Retry: exactly one request');
    assert.equal(retried.problem?.kind, 'rateLimited', 'GitHub said the limit still holds');
  });
});
