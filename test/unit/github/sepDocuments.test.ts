import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GitHubClient, type RepoRef } from '../../../client/src/github';
import { fetchSepDoc, issueDocName, parseSepDocPath, pullSepFiles, sepDocPath, sepDocQuery, sepDocRefs, sepFilesOf, type SepDocRef } from '../../../client/src/views/sepDocuments';
import { originOf } from '../../../common/origin';
import { FakeGitHub, headSha } from '../../support/fakeGitHub';

const REPO: RepoRef = { owner: 'modelcontextprotocol', repo: 'modelcontextprotocol' };

describe('sep-github document paths', () => {
  it('round-trips pull request files and issue bodies', () => {
    const refs: SepDocRef[] = [
      { kind: 'pull-file', owner: 'o', repo: 'r.js', number: 12, sha: 'a'.repeat(40), path: 'seps/12-a b#c.md' },
      { kind: 'issue-body', owner: 'o', repo: 'r', number: 7, name: '7-logging.md' },
    ];
    for (const ref of refs) assert.deepEqual(parseSepDocPath(sepDocPath(ref)), ref);
    assert.equal(sepDocPath(refs[0]), `/o/r.js/pull/12/${'a'.repeat(40)}/seps/12-a%20b%23c.md`);
  });

  it('paths end in seps/<name>.md so the server sees a SEP', () => {
    assert.match(sepDocPath({ kind: 'issue-body', owner: 'o', repo: 'r', number: 7, name: issueDocName(7, 'Logging levels: v2!') }), /\/seps\/7-logging-levels-v2\.md$/);
  });

  it('an issue body carries its title and kind in the query, which the server reads back', () => {
    const title = 'SEP-12: Logging & levels = "v2" ?#/%';
    for (const kind of ['issue', 'pull'] as const) {
      const ref: SepDocRef = { kind: 'issue-body', owner: 'o', repo: 'r', number: 12, name: '12-logging.md', origin: { kind, title } };
      const query = sepDocQuery(ref)!;
      assert.match(query, /^origin=[A-Za-z0-9_-]+$/, 'safe in a URI without further encoding');
      assert.deepEqual(originOf(`sep-github:${sepDocPath(ref)}?${query}`), { kind, title });
      // VS Code percent-encodes `=` in a query when it turns the URI into a string.
      assert.deepEqual(originOf(`sep-github:${sepDocPath(ref)}?${query.replace('=', '%3D')}`), { kind, title });
    }
    assert.equal(sepDocQuery({ kind: 'pull-file', owner: 'o', repo: 'r', number: 1, sha: 'a'.repeat(40), path: 'seps/1-a.md' }), undefined);
    for (const uri of ['file:///w/seps/1-a.md', 'sep-github:/o/r/issues/1/seps/1-a.md?origin=not-base64', 'sep-github:/x?origin=' + Buffer.from('{"kind":"wiki","title":"x"}').toString('base64url')]) {
      assert.equal(originOf(uri), undefined, uri);
    }
  });

  it('rejects other paths', () => {
    for (const p of ['', '/o/r', '/o/r/pull/x/abc/seps/a.md', '/o/r/pull/1/not-a-sha/seps/a.md', '/o/r/issues/1/other/a.md', '/o/r/wiki/1']) {
      assert.equal(parseSepDocPath(p), undefined, p);
    }
  });

  it('picks seps/*.md from a files list, not README/TEMPLATE, nested or removed files', () => {
    const files = ['seps/1-a.md', 'seps/README.md', 'seps/TEMPLATE.md', 'seps/img/x.md', 'docs/seps/2-b.md', 'seps/3-c.md', 'seps/4-gone.md'].map((filename) => ({
      filename,
      status: filename.includes('gone') ? 'removed' : 'added',
    }));
    assert.deepEqual(sepFilesOf(files).map((f) => f.filename), ['seps/1-a.md', 'seps/3-c.md']);
  });
});

describe('fetching SEP documents from the fake GitHub', () => {
  let fake: FakeGitHub;
  let client: GitHubClient;
  before(async () => {
    fake = await FakeGitHub.start();
    client = new GitHubClient({ apiUrl: fake.url, token: async () => undefined, fetch });
  });
  after(() => fake.close());

  it("a pull request's SEP file at its head commit", async () => {
    const found = await pullSepFiles(client, REPO, 2031);
    assert.equal(found.sha, headSha(2031));
    assert.deepEqual(found.files.map((f) => f.filename), ['seps/2031-streaming-partial-tool-results.md']);
    const text = await fetchSepDoc(client, { kind: 'pull-file', ...REPO, number: 2031, sha: found.sha, path: found.files[0].filename });
    assert.equal(text, fake.issue(2031)!.pull!.files[0].content);
  });

  it('several SEP files are all offered', async () => {
    const found = await pullSepFiles(client, REPO, 2002);
    assert.equal(found.files.length, 2);
  });

  it("an issue's body", async () => {
    const text = await fetchSepDoc(client, { kind: 'issue-body', ...REPO, number: 1990, name: '1990-x.md' });
    assert.equal(text, fake.issue(1990)!.body);
  });

  it('the documents Open SEP offers: each SEP file of a pull request, its description without one, an issue\'s body', async () => {
    const several = await sepDocRefs(client, REPO, { number: 2002, sepNumber: 2002, title: 'Batch sampling requests', kind: 'pull' });
    assert.deepEqual(several.map((r) => (r.kind === 'pull-file' ? `${r.path}@${r.sha}` : r.kind)), fake.issue(2002)!.pull!.files
      .filter((f) => f.filename.startsWith('seps/')).map((f) => `${f.filename}@${headSha(2002)}`));
    const filler = fake.repo.issues.find((i) => i.pull && i.pull.files.every((f) => !f.filename.startsWith('seps/')))!;
    const described = await sepDocRefs(client, REPO, { number: filler.number, title: 'Some change', kind: 'pull' });
    assert.deepEqual(described, [{ kind: 'issue-body', ...REPO, number: filler.number, name: `${filler.number}-some-change.md`, origin: { kind: 'pull', title: 'Some change' } }]);
    const before = fake.requests.length;
    const issue = await sepDocRefs(client, REPO, { number: 1990, sepNumber: 1990, title: 'Server identity metadata', kind: 'issue' });
    assert.deepEqual(issue, [{ kind: 'issue-body', ...REPO, number: 1990, name: '1990-server-identity-metadata.md', origin: { kind: 'issue', title: 'Server identity metadata' } }]);
    assert.equal(fake.requests.length, before, 'an issue needs no request to know its document');
  });
});
