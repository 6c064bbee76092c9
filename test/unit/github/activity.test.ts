/**
 * The sidebar waits to be seen (issue 14 item 5): the model and its activity controller against the fake
 * GitHub server, counting the requests GitHub receives while the view is hidden and shown.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { GitHubClient } from '../../../client/src/github';
import { SidebarActivity } from '../../../client/src/views/activity';
import { SidebarModel } from '../../../client/src/views/model';
import { defaultRepo, FakeGitHub } from '../../support/fakeGitHub';

const START = Date.parse('2026-11-25T12:00:00Z');
const REPOSITORY = 'modelcontextprotocol/modelcontextprotocol';

/** Timers the test fires by hand; `active` lists the ones not disposed. */
class ManualTimers {
  readonly active = new Set<{ run: () => void; ms: number }>();
  readonly set = (run: () => void, ms: number) => {
    const t = { run, ms };
    this.active.add(t);
    return { dispose: () => void this.active.delete(t) };
  };
  fireAll(): void {
    for (const t of [...this.active]) t.run();
  }
}

describe('the sidebar asks GitHub only while its view is visible', () => {
  let fake: FakeGitHub;
  let clock: number;
  let minutes: number;
  let repeats: ManualTimers;
  let timers: ManualTimers;

  /** A model and its activity wired as the extension wires them (register.ts), with manual timers. */
  function sidebar(): { model: SidebarModel; activity: SidebarActivity; settled: () => Promise<void> } {
    const client = new GitHubClient({ apiUrl: fake.url, token: async () => undefined, fetch, timeoutMs: 2000, now: () => clock, retryDelaysMs: [0, 0] });
    let running: Promise<unknown> = Promise.resolve();
    const activity: SidebarActivity = new SidebarActivity({
      refresh: (): Promise<unknown> => (running = model.refresh()),
      autoRefreshMinutes: () => minutes,
      now: () => clock,
      setRepeat: repeats.set,
      setTimer: timers.set,
    });
    const model: SidebarModel = new SidebarModel({ source: client, repository: REPOSITORY, apiUrl: fake.url, now: () => clock, setTimer: activity.deferredTimer });
    return { model, activity, settled: async () => void (await running) };
  }

  before(async () => {
    fake = await FakeGitHub.start({ repos: [defaultRepo(START)] });
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.clearFailures();
    fake.requests.length = 0;
    clock = START;
    minutes = 0;
    repeats = new ManualTimers();
    timers = new ManualTimers();
  });

  it('makes no request before the view is shown, then lists once when it is', async () => {
    const { model, activity, settled } = sidebar();
    activity.setVisible(false);
    activity.start();
    activity.invalidate();
    await settled();
    assert.equal(fake.requests.length, 0, 'nothing while hidden, even after a sign-in or settings change');
    activity.setVisible(true);
    await settled();
    assert.ok(fake.requests.length > 0, 'shown: the list is fetched');
    assert.ok(model.items && model.items.length > 0);
    const afterFirst = fake.requests.length;
    activity.setVisible(false);
    activity.setVisible(true);
    await settled();
    assert.equal(fake.requests.length, afterFirst, 'shown again with nothing stale: no new request');
  });

  it('waits for the session lookup even when the view is visible from the start', async () => {
    const { activity, settled } = sidebar();
    activity.setVisible(true);
    await settled();
    assert.equal(fake.requests.length, 0);
    activity.start();
    await settled();
    assert.ok(fake.requests.length > 0);
  });

  it('auto-refresh runs only while the view is visible, and catches up when shown after the interval', async () => {
    minutes = 5;
    const { activity, settled } = sidebar();
    activity.start();
    assert.equal(repeats.active.size, 0, 'no timer while hidden');
    activity.setVisible(true);
    await settled();
    assert.equal(repeats.active.size, 1);
    assert.equal([...repeats.active][0].ms, 5 * 60_000);
    const shown = fake.requests.length;
    repeats.fireAll();
    await settled();
    assert.ok(fake.requests.length > shown, 'the timer refreshes while visible');
    activity.setVisible(false);
    assert.equal(repeats.active.size, 0, 'hidden: the timer stops');
    const hidden = fake.requests.length;
    clock += 2 * 60_000;
    activity.setVisible(true);
    await settled();
    assert.equal(fake.requests.length, hidden, 'shown again within the interval: no request');
    activity.setVisible(false);
    clock += 10 * 60_000;
    activity.setVisible(true);
    await settled();
    assert.ok(fake.requests.length > hidden, 'shown after the interval passed: one refresh at once');
    assert.equal(repeats.active.size, 1, 'and the timer resumes');
  });

  it('a rate-limit reset that passes while hidden refreshes when the view is shown, not before', async () => {
    const { model, activity, settled } = sidebar();
    activity.start();
    activity.setVisible(true);
    fake.fail({ kind: 'rateLimited', resetAt: new Date(START + 10 * 60_000) }, { times: 1 });
    await settled();
    assert.equal(model.problem?.kind, 'rateLimited');
    assert.equal(timers.active.size, 1, 'the model scheduled its refresh for the reset');
    activity.setVisible(false);
    clock += 11 * 60_000;
    const before = fake.requests.length;
    timers.fireAll();
    await settled();
    assert.equal(fake.requests.length, before, 'the reset passed while hidden: no request');
    activity.setVisible(true);
    await settled();
    assert.ok(fake.requests.length > before, 'shown: refreshed');
    assert.equal(model.problem, undefined);
  });
});
