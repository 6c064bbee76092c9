/**
 * Read-only SEP documents fetched from GitHub, addressed by `sep-github:` URIs whose path says what to
 * fetch: a pull request's file at its head commit, or an issue's body. The paths end in `seps/<name>.md`
 * so the language server recognises them as SEPs. No editor imports: the content provider wraps this.
 */
import type { GitHubClient, RepoRef } from '../github/client';
import type { GitHubPullFile } from '../github/types';
import { originQuery, type SepOrigin } from '../../../common/origin';
import type { SepItem } from './seps';

/** The URI scheme of documents opened from the sidebar (the language client checks it too). */
export const SEP_GITHUB_SCHEME = 'sep-github';

/** What a `sep-github:` document shows. */
export type SepDocRef =
  /** `status`: how the pull request changes the file (`added`, `modified`…), when known. */
  | { kind: 'pull-file'; owner: string; repo: string; number: number; sha: string; path: string; status?: string }
  | { kind: 'issue-body'; owner: string; repo: string; number: number; name: string; origin?: SepOrigin };

const seg = encodeURIComponent;

/** The URI path for a document: `/o/r/pull/12/<sha>/seps/12-x.md` or `/o/r/issues/12/seps/12-x.md`. */
export function sepDocPath(ref: SepDocRef): string {
  const base = `/${seg(ref.owner)}/${seg(ref.repo)}`;
  if (ref.kind === 'pull-file') return `${base}/pull/${ref.number}/${ref.sha}/${ref.path.split('/').map(seg).join('/')}`;
  return `${base}/issues/${ref.number}/seps/${seg(ref.name)}`;
}

/**
 * The URI query for a document: an issue body carries its issue's (or pull request's) title and
 * kind, which the server needs (see server/src/origin.ts); other documents have none.
 */
export function sepDocQuery(ref: SepDocRef): string | undefined {
  return ref.kind === 'issue-body' && ref.origin ? originQuery(ref.origin) : undefined;
}

/** Reads a path made by {@link sepDocPath}; undefined for anything else. */
export function parseSepDocPath(path: string): SepDocRef | undefined {
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const [owner, repo, kind, num] = parts;
  const number = Number(num);
  if (!owner || !repo || !Number.isInteger(number) || number <= 0) return undefined;
  if (kind === 'pull' && parts.length >= 6 && /^[0-9a-f]{7,64}$/i.test(parts[4])) {
    return { kind: 'pull-file', owner, repo, number, sha: parts[4], path: parts.slice(5).join('/') };
  }
  if (kind === 'issues' && parts.length === 6 && parts[4] === 'seps') return { kind: 'issue-body', owner, repo, number, name: parts[5] };
  return undefined;
}

/** `12-streaming-partial-results.md` for an issue body, from its number and title. */
export function issueDocName(number: number, title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${number}-${slug || 'issue'}.md`;
}

/** A pull request's SEP files: `seps/*.md` that still exist, without `README.md` and `TEMPLATE.md`. */
export function sepFilesOf(files: readonly GitHubPullFile[]): GitHubPullFile[] {
  return files.filter(
    (f) => /^seps\/[^/]+\.md$/i.test(f.filename) && f.status !== 'removed' && !/^seps\/(readme|template)\.md$/i.test(f.filename),
  );
}

/** Fetches a document's text: the file at the head commit, or the issue body (empty when none). */
export async function fetchSepDoc(client: GitHubClient, ref: SepDocRef): Promise<string> {
  const repo: RepoRef = { owner: ref.owner, repo: ref.repo };
  if (ref.kind === 'pull-file') return client.getFileText(repo, ref.path, ref.sha);
  return (await client.getIssue(repo, ref.number)).body ?? '';
}

/**
 * The document of an item's description: an issue-era SEP's body (its title is the issue's), or a pull
 * request's description, checked only when it is a SEP (see the server's analysis).
 */
export function issueBodyRef(repo: RepoRef, item: Pick<SepItem, 'number' | 'sepNumber' | 'title' | 'kind'>): SepDocRef {
  return {
    kind: 'issue-body',
    ...repo,
    number: item.number,
    name: issueDocName(item.sepNumber ?? item.number, item.title),
    origin: { kind: item.kind === 'issue' ? 'issue' : 'pull', title: item.title },
  };
}

/**
 * Every document Open SEP can show for an item: an issue's body; a pull request's changed SEP files at its
 * head commit, or its description when it changes none.
 */
export async function sepDocRefs(client: GitHubClient, repo: RepoRef, item: Pick<SepItem, 'number' | 'sepNumber' | 'title' | 'kind'>): Promise<SepDocRef[]> {
  const body = issueBodyRef(repo, item);
  if (item.kind === 'issue') return [body];
  const { sha, files } = await pullSepFiles(client, repo, item.number);
  if (files.length === 0) return [body];
  return files.map((f) => ({ kind: 'pull-file', ...repo, number: item.number, sha, path: f.filename, status: f.status }));
}

/** What Open SEP found for a pull request: its head commit and SEP files. */
export interface PullSepFiles {
  sha: string;
  files: GitHubPullFile[];
}

/** Looks up a pull request's head commit and the SEP files it changes. */
export async function pullSepFiles(client: GitHubClient, repo: RepoRef, number: number): Promise<PullSepFiles> {
  const [pull, files] = await Promise.all([client.getPull(repo, number), client.listPullFiles(repo, number)]);
  return { sha: pull.head.sha, files: sepFilesOf(files) };
}
