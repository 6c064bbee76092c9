/**
 * The conformance repository's traceability manifest: the real one decodes to the counts its lists hold,
 * hostile ones are refused whole, and the model reads it from the fake GitHub with an ETag, keeps a
 * bounded copy and shows each SEP's counts in the sidebar's tooltip.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { GitHubClient, GitHubError, parseTraceabilityManifest, TRACEABILITY_MANIFEST_PATH } from '../../../client/src/github';
import { ConformanceModel, conformanceLine, readSavedConformance, type ConformanceStore } from '../../../client/src/views/conformance';
import { SidebarModel } from '../../../client/src/views/model';
import { childNodes, rootNodes, type GroupNode } from '../../../client/src/views/nodes';
import { MAX_CONFORMANCE_SEPS, type ConformanceEntry, type ConformanceStatusParams } from '../../../common/protocol';
import { defaultRepo, FakeGitHub, type FakeRepo } from '../../support/fakeGitHub';

const MANIFEST = join(__dirname, '..', '..', '..', '..', 'shared', 'reference', 'conformance', 'traceability.json');
const TOKEN = 'gho_conformanceSECRET123';
const NOW = Date.parse('2026-11-25T12:00:00Z');

/** A manifest of our own in the real schema: per SEP, requirement statuses and an exclusion count. */
function manifest(seps: Record<string, { statuses: string[]; excluded: number; summary?: boolean }>): string {
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(seps)) {
    const requirements = s.statuses.map((status, i) => ({ check: `sep-${key}-check-${i}`, status, text: `Servers MUST do thing ${i}.` }));
    const excluded = Array.from({ length: s.excluded }, (_, i) => ({ text: `Clients SHOULD do ${i}.`, reason: 'not observable' }));
    const tested = s.statuses.filter((x) => x === 'tested').length;
    const entry: Record<string, unknown> = { yaml: `src/seps/sep-${key}.yaml`, requirements, excluded, unkeyed: [], untracked: [] };
    if (s.summary !== false) entry.summary = { tested, untested: s.statuses.length - tested, excluded: s.excluded, untracked: 0, unkeyed: 0 };
    out[key] = entry;
  }
  return JSON.stringify({ schemaVersion: 1, docs: 'https://example.test', source: 'sdk@abc', seps: out });
}

/** Asserts the manifest is refused as malformed. */
function refused(text: string, name = text.slice(0, 80)): void {
  assert.throws(() => parseTraceabilityManifest(text), (error) => error instanceof GitHubError && error.kind === 'malformed', name);
}

describe('parseTraceabilityManifest', () => {
  it('reads the real manifest: one entry per SEP, counts equal to what its lists hold', (t) => {
    if (!existsSync(MANIFEST)) {
      if (process.env.CI === 'true') throw new Error(`missing ${MANIFEST}`);
      return t.skip(`reference manifest missing at ${MANIFEST}`);
    }
    const text = readFileSync(MANIFEST, 'utf8');
    const raw = JSON.parse(text) as { seps: Record<string, { requirements: { status: string }[]; excluded: unknown[] }> };
    const entries = parseTraceabilityManifest(text);
    assert.deepEqual(entries.map((e) => e.sep), Object.keys(raw.seps).map(Number).sort((a, b) => a - b));
    for (const e of entries) {
      const r = raw.seps[String(e.sep)];
      assert.deepEqual(
        { tested: e.tested, untested: e.untested, excluded: e.excluded },
        { tested: r.requirements.filter((x) => x.status === 'tested').length, untested: r.requirements.filter((x) => x.status === 'untested').length, excluded: r.excluded.length },
        `SEP ${e.sep}`,
      );
    }
    assert.ok(entries.some((e) => e.excluded > 0 && e.tested === 0), 'the real data has an all-excluded SEP');
  });

  it('counts from the lists when an entry has no summary', () => {
    assert.deepEqual(parseTraceabilityManifest(manifest({ 12: { statuses: ['tested', 'untested', 'tested'], excluded: 2, summary: false } })), [
      { sep: 12, tested: 2, untested: 1, excluded: 2 },
    ]);
  });

  it('refuses hostile manifests whole', () => {
    const good = JSON.parse(manifest({ 12: { statuses: ['tested'], excluded: 0 } }));
    const variants: Array<[string, unknown]> = [
      ['another schema', { ...good, schemaVersion: 2 }],
      ['seps is a list', { ...good, seps: [] }],
      ['a negative key', { ...good, seps: { '-1': good.seps['12'] } }],
      ['a leading zero', { ...good, seps: { '012': good.seps['12'] } }],
      ['an exponent key', { ...good, seps: { '1e3': good.seps['12'] } }],
      ['a prototype key', JSON.parse(`{"schemaVersion":1,"seps":{"__proto__":${JSON.stringify(good.seps['12'])}}}`)],
      ['a fractional count', { ...good, seps: { 12: { ...good.seps['12'], summary: { tested: 1.5, untested: 0, excluded: 0 } } } }],
      ['a string count', { ...good, seps: { 12: { ...good.seps['12'], summary: { tested: '1', untested: 0, excluded: 0 } } } }],
      ['a huge count', { ...good, seps: { 12: { ...good.seps['12'], summary: { tested: 1e12, untested: 0, excluded: 0 } } } }],
      ['an unknown status without summary', { ...good, seps: { 12: { requirements: [{ status: 'maybe' }], excluded: [] } } }],
      ['too many SEPs', { ...good, seps: Object.fromEntries(Array.from({ length: MAX_CONFORMANCE_SEPS + 1 }, (_, i) => [String(i + 1), good.seps['12']])) }],
    ];
    for (const [name, value] of variants) refused(JSON.stringify(value), name);
    refused('{"schemaVersion": 1, "seps": {"12": {"summary": {"tested": 1');
    refused(`${manifest({ 12: { statuses: [], excluded: 0 } })}${' '.repeat(4_000_001)}`, 'too long');
  });
});

class MemoryStore implements ConformanceStore {
  value: unknown;
  cleared = 0;
  get(): unknown {
    return this.value;
  }
  async set(value: ConformanceStatusParams & { apiUrl: string }): Promise<void> {
    this.value = JSON.parse(JSON.stringify(value));
  }
  async clear(): Promise<void> {
    this.cleared++;
    this.value = undefined;
  }
}

describe('ConformanceModel against the fake GitHub', () => {
  let fake: FakeGitHub;
  let store: MemoryStore;
  const conformanceRepo = (text: string): FakeRepo => ({ owner: 'example-org', repo: 'conformance', id: 777001, issues: [], files: { [TRACEABILITY_MANIFEST_PATH]: text } });
  const client = (token?: string) => new GitHubClient({ apiUrl: fake.url, token: async () => token, fetch, sleep: async () => undefined });
  const model = (c = client(TOKEN), repository = 'example-org/conformance') => new ConformanceModel({ source: c, repository, apiUrl: fake.url, store, now: () => NOW });

  before(async () => {
    fake = await FakeGitHub.start({ repos: [defaultRepo(NOW), conformanceRepo(manifest({ 4242: { statuses: ['tested', 'tested', 'untested'], excluded: 1 }, 77: { statuses: [], excluded: 3 }, 1941: { statuses: ['tested'], excluded: 2 } }))], tokens: [TOKEN] });
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.clearFailures();
    fake.requests.length = 0;
    store = new MemoryStore();
  });

  it('asks nothing until refreshed, then reads the manifest raw, and revalidates it with its ETag', async () => {
    const m = model();
    assert.equal(fake.requests.length, 0, 'creating the model asks GitHub nothing');
    let changes = 0;
    m.onDidChange(() => changes++);
    assert.deepEqual(await m.refresh(), { ok: true, notModified: false });
    assert.equal(fake.requests.length, 1);
    const [first] = fake.requests;
    assert.equal(first.path, '/repos/example-org/conformance/contents/src/seps/traceability.json');
    assert.match(first.headers.accept ?? '', /raw/);
    assert.equal(first.headers.authorization, `Bearer ${TOKEN}`, 'the token goes to the configured API host');
    assert.deepEqual(m.counts(4242), { sep: 4242, tested: 2, untested: 1, excluded: 1 });
    assert.deepEqual(m.counts(77), { sep: 77, tested: 0, untested: 0, excluded: 3 });
    assert.equal(m.counts(1), undefined);
    assert.equal(changes, 1);
    assert.deepEqual(m.status?.seps.map((e) => e.sep), [77, 1941, 4242]);

    assert.deepEqual(await m.refresh(), { ok: true, notModified: true });
    assert.ok(fake.requests[1].headers['if-none-match'], 'the second read is conditional');
    assert.equal(fake.requests[1].status, 304);
    assert.equal(changes, 1, 'an unchanged manifest changes nothing');
  });

  it('keeps a bounded copy that the next start shows without asking, and drops a tampered one', async () => {
    await model().refresh();
    const saved = store.value as ConformanceStatusParams;
    assert.equal(saved.seps.length, 3);
    fake.requests.length = 0;
    assert.deepEqual(model().counts(4242), { sep: 4242, tested: 2, untested: 1, excluded: 1 });
    assert.equal(fake.requests.length, 0);
    assert.equal(model(client(), 'example-org/other').counts(4242), undefined, 'another repository\'s copy is not used');

    const tampered: Array<[string, unknown]> = [
      ['a huge list', { ...saved, seps: Array.from({ length: MAX_CONFORMANCE_SEPS + 1 }, () => saved.seps[0]) }],
      ['a negative count', { ...saved, seps: [{ ...saved.seps[0], tested: -1 }] }],
      ['a bad date', { ...saved, fetchedAt: 'soon' }],
      ['a string', 'garbage'],
    ];
    for (const [name, value] of tampered) {
      store.value = value;
      store.cleared = 0;
      assert.equal(model().status, undefined, name);
      await Promise.resolve();
      assert.equal(store.cleared, 1, `${name}: removed`);
    }
    assert.equal(readSavedConformance(undefined, 'a/b', fake.url), undefined);
  });

  it('a failure keeps the last good data and says why; a missing manifest or repository is a problem, not an empty list', async () => {
    const m = model();
    await m.refresh();
    fake.fail({ kind: 'status', status: 500 }, { times: 10 });
    const failed = await m.refresh();
    assert.equal(failed.ok, false);
    assert.match(failed.problem ?? '', /server error/);
    assert.ok(m.counts(4242), 'the last good data stays');
    fake.clearFailures();

    const missing = model(client(TOKEN), 'example-org/nothing-here');
    const r = await missing.refresh();
    assert.equal(r.ok, false);
    assert.match(r.problem ?? '', /Not found/);
    assert.equal(missing.status, undefined);
    assert.match((await model(client(), 'not a repository').refresh()).problem ?? '', /owner\/name/);
  });

  it('a hostile manifest is refused and nothing of it is kept', async () => {
    const hostile = await FakeGitHub.start({ repos: [conformanceRepo(`{"schemaVersion":1,"seps":{"1":${'['.repeat(10)}`)] });
    try {
      const m = new ConformanceModel({ source: new GitHubClient({ apiUrl: hostile.url, token: async () => undefined, fetch, sleep: async () => undefined }), repository: 'example-org/conformance', apiUrl: hostile.url, store });
      const r = await m.refresh();
      assert.equal(r.ok, false);
      assert.match(r.problem ?? '', /not valid JSON/);
      assert.equal(store.value, undefined);
      hostile.repo.files![TRACEABILITY_MANIFEST_PATH] = 'x'.repeat(4_000_001);
      assert.match((await m.refresh()).problem ?? '', /larger than/);
    } finally {
      await hostile.close();
    }
  });

  it('the sidebar tooltip of a SEP the manifest lists shows its counts; others show none', async () => {
    const c = client(TOKEN);
    const conformance = model(c);
    await conformance.refresh();
    const sidebar = new SidebarModel({ source: c, repository: 'modelcontextprotocol/modelcontextprotocol', apiUrl: fake.url, now: () => NOW });
    assert.equal((await sidebar.refresh()).ok, true);
    const lookup = (n: number) => {
      const e: ConformanceEntry | undefined = conformance.counts(n);
      return e && conformanceLine(conformance.repository, e);
    };
    const seps = rootNodes(sidebar).filter((n): n is GroupNode => n.type === 'group').flatMap((g) => childNodes(g, NOW, lookup));
    assert.ok(seps.length > 1);
    for (const s of seps) {
      const n = s.item.sepNumber ?? s.item.number;
      const e = conformance.counts(n);
      if (e) assert.ok(s.tooltip.endsWith(`\nConformance (example-org/conformance): ${e.tested} tested · ${e.untested} untested · ${e.excluded} excluded`), s.tooltip);
      else assert.doesNotMatch(s.tooltip, /Conformance/);
    }
    const final = seps.find((s) => s.item.sepNumber === 1941);
    assert.match(final?.tooltip ?? '', /\nConformance \(example-org\/conformance\): 1 tested · 0 untested · 2 excluded$/);
    assert.ok(seps.filter((s) => /Conformance/.test(s.tooltip)).length === 1, 'only the listed SEP has the line');
  });
});
