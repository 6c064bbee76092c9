/** Reading SEP <number> from the SEP repository's seps/ folder on GitHub (for an open traceability file), against the fake GitHub. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GitHubClient } from '../../../client/src/github';
import { fetchSepFile } from '../../../client/src/github/sepFile';
import { defaultRepo, FakeGitHub } from '../../support/fakeGitHub';

const SEP = '# SEP-2164: Resource not found\n\n- **Status**: Final\n\n## Specification\n\nServers MUST answer.\n';

describe('fetchSepFile', () => {
  let fake: FakeGitHub;
  let client: GitHubClient;
  before(async () => {
    const repo = defaultRepo(Date.parse('2026-11-30T00:00:00Z'));
    repo.files = { 'seps/2164-resource-not-found.md': SEP, 'seps/0099-old.md': 'old', 'seps/README.md': 'readme', 'seps/drafts/2165-x.md': 'draft' };
    fake = await FakeGitHub.start({ repos: [repo] });
    client = new GitHubClient({ apiUrl: fake.url, token: async () => undefined, fetch, timeoutMs: 2000, retryDelaysMs: [0, 0] });
  });
  after(() => fake.close());

  it('finds the SEP by its number in seps/ and reads its text from the default branch', async () => {
    const ref = { owner: fake.repo.owner, repo: fake.repo.repo };
    assert.deepEqual(await fetchSepFile(client, ref, 2164), { path: 'seps/2164-resource-not-found.md', text: SEP });
    assert.equal((await fetchSepFile(client, ref, 99))?.path, 'seps/0099-old.md', 'leading zeros in the name');
    assert.equal(await fetchSepFile(client, ref, 2165), undefined, 'only files directly in seps/');
    assert.equal(await fetchSepFile(client, ref, 7), undefined);
  });

  it('a folder listing that is not a list is refused, not trusted', async () => {
    const ref = { owner: fake.repo.owner, repo: fake.repo.repo };
    await assert.rejects(client.listDirectory(ref, 'seps/2164-resource-not-found.md'));
  });
});
