import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { GitHubClient } from '../../../client/src/github';
import { SidebarModel, type ListStore, type SavedList } from '../../../client/src/views/model';
import { childNodes, rootNodes, snapshot, statusLine, type GroupNode, type SepNode } from '../../../client/src/views/nodes';
import { defaultRepo, FakeGitHub } from '../../support/fakeGitHub';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const TOKEN = 'gho_modelTestTOKEN42';
const REPOSITORY = 'modelcontextprotocol/modelcontextprotocol';

class MemoryStore implements ListStore {
  value: unknown;
  writes = 0;
  get(): unknown {
    return this.value;
  }
  async set(value: SavedList): Promise<void> {
    this.writes++;
    this.value = JSON.parse(JSON.stringify(value));
  }
}

/** Tests that check the rate-limit timer pass their own; the others never let it fire. */
const noTimer = () => ({ dispose: () => undefined });

const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

describe('sidebar model against the fake GitHub server', () => {
  let fake: FakeGitHub;
  let store: MemoryStore;
  let token: string | undefined;

  const model = (options: { repository?: string; apiUrl?: string; timeoutMs?: number } = {}): SidebarModel => {
    const apiUrl = options.apiUrl ?? fake.url;
    const client = new GitHubClient({ apiUrl, token: async () => token, fetch, timeoutMs: options.timeoutMs ?? 2000, now: () => NOW, retryDelaysMs: [0, 0] });
    return new SidebarModel({ source: client, repository: options.repository ?? REPOSITORY, apiUrl, store, now: () => NOW, signedIn: () => token !== undefined, setTimer: noTimer });
  };
  const groups = (m: SidebarModel): Array<[string, string]> =>
    rootNodes(m).filter((n): n is GroupNode => n.type === 'group').map((g) => [g.label, g.description]);
  const EXPECTED_GROUPS: Array<[string, string]> = [
    ['Proposal', '3'], ['Draft', '2'], ['In Review', '2'], ['Accepted', '1'], ['Final', '1'], ['Dormant', '1'], ['Withdrawn', '1'], ['No state label', '1'],
  ];

  before(async () => {
    fake = await FakeGitHub.start({ repos: [defaultRepo(NOW)], tokens: [TOKEN] });
  });
  after(async () => {
    await fake.close();
    assert.deepEqual(unhandled, [], 'no unhandled promise rejections');
  });
  beforeEach(() => {
    fake.clearFailures();
    fake.requests.length = 0;
    store = new MemoryStore();
    token = TOKEN;
  });

  it('lists the open SEPs grouped by state in lifecycle order with counts', async () => {
    const m = model();
    const result = await m.refresh();
    assert.equal(result.ok, true);
    assert.deepEqual(groups(m), EXPECTED_GROUPS);
    const all = rootNodes(m).flatMap((n) => childNodes(n, NOW));
    const labels = all.map((s) => s.label);
    assert.ok(labels.includes('SEP-2031: Streaming partial tool results'));
    assert.ok(labels.includes('SEP-2044: Resource subscriptions with filters'), 'the "SEP-n - title" style');
    assert.ok(labels.includes('#1968: Cost hints for tool annotations'), '"SEP: title" has no number: the PR number stands in');
    assert.ok(labels.includes('#2057: Structured logging levels for servers'), 'label-only SEP');
    assert.ok(!labels.some((l) => /Docs: link|Separate/.test(l)), 'near-miss titles are not SEPs');
    assert.ok(!labels.some((l) => l.includes('must not show')), 'closed SEPs are not listed');
  });

  it('describes items: kind, author, relative update, stale markers', async () => {
    const m = model();
    await m.refresh();
    const byNumber = new Map(rootNodes(m).flatMap((n) => childNodes(n, NOW)).map((s): [number, SepNode] => [s.item.number, s]));
    assert.equal(byNumber.get(2031)!.item.kind, 'pull');
    assert.equal(byNumber.get(1990)!.item.kind, 'issue');
    assert.equal(byNumber.get(2031)!.description, '@ada-lovelace · updated 3 days ago');
    assert.equal(byNumber.get(2044)!.description, '@linus-t · updated 4 months ago · ⚠ author ping due');
    assert.match(byNumber.get(1968)!.description, /⚠ dormant candidate$/);
    assert.match(byNumber.get(2002)!.description, /⚠ sponsor ping due$/);
    assert.match(byNumber.get(1975)!.description, /⚠ reference implementation due$/);
    assert.equal(byNumber.get(2031)!.stale, false);
    assert.match(byNumber.get(1990)!.tooltip, /Sponsor \(assignees\): @barbara-liskov/);
    const hostile = byNumber.get(2071)!;
    assert.equal(hostile.label, 'SEP-2071: <img src=x onerror=alert(1)> **Markdown** [link](command:workbench.action.quit)');
    assert.equal(typeof hostile.tooltip, 'string', 'plain text, never Markdown');
  });

  it('a 304 refresh keeps the list and reports notModified', async () => {
    const m = model();
    await m.refresh();
    fake.requests.length = 0;
    const result = await m.refresh();
    assert.deepEqual(result, { ok: true, notModified: true });
    assert.deepEqual(fake.requests.map((r) => r.status), [304, 304, 304]);
    assert.deepEqual(groups(m), EXPECTED_GROUPS);
  });

  it('one refresh at a time: concurrent calls share one run', async () => {
    const m = model();
    const [a, b] = [m.refresh(), m.refresh()];
    assert.equal(a, b);
    assert.equal(m.loading, true);
    await a;
    assert.equal(m.loading, false);
    assert.equal(fake.requests.length, 3);
  });

  it('fires change events on start and end of a refresh', async () => {
    const m = model();
    let events = 0;
    m.onDidChange(() => events++);
    await m.refresh();
    assert.equal(events, 2);
  });

  const failures: Array<{ name: string; setup: () => void; kind: string; message: RegExp; signIn: boolean; timeoutMs?: number }> = [
    { name: '401', setup: () => (token = 'gho_revoked'), kind: 'unauthorized', message: /401.*Sign in again/, signIn: true },
    {
      name: '403 rate limit',
      setup: () => {
        token = undefined;
        fake.fail({ kind: 'rateLimited', resetAt: new Date(NOW + 42 * 60_000) });
      },
      kind: 'rateLimited',
      message: new RegExp(`rate limit reached: the list refreshes by itself at ${String(new Date(NOW + 42 * 60_000).getHours()).padStart(2, '0')}:\\d\\d \\(in 42 min\\)\\. Sign in`),
      signIn: true,
    },
    { name: '500', setup: () => fake.fail({ kind: 'status', status: 500 }), kind: 'server', message: /server error \(500\)/, signIn: false },
    { name: 'hanging response', setup: () => fake.fail({ kind: 'hang' }), kind: 'timeout', message: /did not answer within 0\.3 s/, signIn: false, timeoutMs: 300 },
    { name: 'malformed JSON', setup: () => fake.fail({ kind: 'malformed' }), kind: 'malformed', message: /not valid JSON/, signIn: false },
  ];

  for (const f of failures) {
    it(`${f.name}: a readable problem row with Retry, the last good list kept beneath`, async () => {
      const m = model({ timeoutMs: f.timeoutMs });
      await m.refresh();
      f.setup();
      const result = await m.refresh();
      assert.equal(result.ok, false);
      assert.equal(m.problem?.kind, f.kind);
      const roots = rootNodes(m);
      assert.equal(roots[0].type, 'problem');
      assert.match(roots[0].label, f.message);
      assert.ok(!roots[0].label.includes(TOKEN) && !roots[0].label.includes('gho_revoked'));
      assert.equal(roots.some((n) => n.type === 'action' && n.command === 'sep.sidebar.signIn'), f.signIn);
      assert.ok(roots.some((n) => n.type === 'notice' && /^Showing the list fetched just now/.test(n.label)));
      assert.deepEqual(groups(m), EXPECTED_GROUPS, 'the last good list stays visible');
      fake.clearFailures();
      token = TOKEN;
      if (f.kind === 'rateLimited') {
        const sent = fake.requests.length;
        assert.equal((await m.refresh()).problem?.kind, 'rateLimited', 'an automatic refresh before the reset time waits');
        assert.equal(fake.requests.length, sent, 'without asking GitHub');
        assert.equal((await m.refresh({ userAsked: true })).ok, true, 'Retry asks GitHub, which no longer limits');
        return;
      }
      assert.equal((await m.refresh()).ok, true, 'Retry recovers');
      assert.equal(rootNodes(m)[0].type, 'group');
    });
  }

  it('404 says which setting to check', async () => {
    const m = model({ repository: 'nobody/nothing' });
    await m.refresh();
    assert.equal(m.problem?.kind, 'notFound');
    assert.match(rootNodes(m)[0].label, /Repository "nobody\/nothing" was not found \(404\) at http:\/\/127\.0\.0\.1:\d+ \(setting sep\.github\.apiUrl\)\. Check the setting sep\.github\.repository\./);
  });

  it('offline: a readable problem, no list yet, nothing thrown', async () => {
    const gone = await FakeGitHub.start();
    const url = gone.url;
    await gone.close();
    const m = model({ apiUrl: url });
    const result = await m.refresh();
    assert.equal(result.ok, false);
    assert.deepEqual(rootNodes(m).map((n) => n.type), ['problem']);
    assert.match(rootNodes(m)[0].label, /Cannot reach 127\.0\.0\.1:\d+: ECONNREFUSED/);
  });

  it('a repository setting that is not owner/name is explained without a request', async () => {
    const m = model({ repository: 'https://github.com/x' });
    await m.refresh();
    assert.equal(m.problem?.kind, 'config');
    assert.match(m.problem!.message, /sep\.github\.repository must look like "owner\/name"/);
    assert.equal(fake.requests.length, 0);
  });

  it('an API URL setting that is not http(s) is explained without a request', async () => {
    const client = new GitHubClient({ apiUrl: fake.url, token: async () => token, fetch });
    const m = new SidebarModel({ source: client, repository: REPOSITORY, apiUrl: 'ftp://example.com', now: () => NOW });
    await m.refresh();
    assert.match(m.problem!.message, /sep\.github\.apiUrl must be an http\(s\) URL/);
    assert.equal(fake.requests.length, 0);
  });

  it('keeps the last good list across restarts, with its fetch time, and no token', async () => {
    await model().refresh();
    assert.equal(store.writes, 1);
    assert.ok(!JSON.stringify(store.value).includes(TOKEN));
    fake.fail({ kind: 'status', status: 503 });
    const restarted = model();
    assert.deepEqual(groups(restarted), EXPECTED_GROUPS, 'shown before any request');
    assert.equal(restarted.fetchedAt?.getTime(), NOW);
    await restarted.refresh();
    assert.deepEqual(groups(restarted), EXPECTED_GROUPS);
    assert.equal(store.writes, 1, 'a failure does not overwrite the saved list');
  });

  it('ignores a saved list for another repository or of the wrong shape', async () => {
    await model().refresh();
    assert.equal(model({ repository: 'other/repo' }).items, undefined);
    store.value = { ...(store.value as SavedList), items: [{ number: 'x' }] };
    assert.equal(model().items, undefined);
    store.value = 'garbage';
    assert.equal(model().items, undefined);
  });

  it('says above the tree how many SEPs and when they were fetched, and hides that while a problem shows', async () => {
    const m = model();
    assert.equal(statusLine(m), undefined);
    await m.refresh();
    assert.match(statusLine(m)!, /^12 open SEPs · fetched just now \(\d\d:\d\d\)$/);
    fake.fail({ kind: 'status', status: 502 });
    await m.refresh();
    assert.equal(statusLine(m), undefined);
  });

  it('snapshot mirrors the tree for integration tests', async () => {
    const m = model();
    await m.refresh();
    const snap = snapshot(m);
    assert.equal(snap.repository, REPOSITORY);
    assert.deepEqual(snap.groups.map((g) => [g.label, String(g.count)]), EXPECTED_GROUPS);
    assert.equal(snap.groups[0].items.length, 3);
    assert.equal(snap.problem, undefined);
  });
});
