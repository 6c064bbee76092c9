import type { GitHubClient, RepoRef } from './client';

/** The longest SEP file read from GitHub: the largest merged SEP has about 64,000 characters. */
export const MAX_SEP_CHARS = 1024 * 1024;

/**
 * SEP `number`'s file in the repository's `seps/` folder on the default branch (`seps/<number>-<slug>.md`, the
 * number with or without leading zeros), with its text; undefined when the folder has none.
 */
export async function fetchSepFile(client: Pick<GitHubClient, 'listDirectory' | 'getDefaultBranchFile'>, ref: RepoRef, number: number): Promise<{ path: string; text: string } | undefined> {
  const entries = await client.listDirectory(ref, 'seps');
  const entry = entries.find((e) => e.type === 'file' && sepNumberOfName(e.name) === number);
  if (!entry) return undefined;
  const { text } = await client.getDefaultBranchFile(ref, entry.path, MAX_SEP_CHARS);
  return { path: entry.path, text };
}

/** The number of a SEP file name (`2164-resource-not-found.md` → 2164); undefined for other names. */
function sepNumberOfName(name: string): number | undefined {
  const m = /^(\d{1,6})-[^/]*\.md$/.exec(name);
  return m ? Number(m[1]) : undefined;
}
