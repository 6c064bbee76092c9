import { GitHubError } from './errors';
import { GitHubHttp, type HttpOptions } from './http';
import { parseLinkHeader } from './link';
import type { GitHubIssue, GitHubPull, GitHubPullFile, RateLimit } from './types';

export type { HttpOptions as GitHubClientOptions } from './http';

/** A repository coordinate from the `owner/name` setting. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** A paginated listing: every item, the number of pages read, and whether every page was a 304. */
export interface Listing<T> {
  items: T[];
  pages: number;
  notModified: boolean;
}

/** Safety stop against a Link loop: 100 pages of 100 is far beyond any real repository's open issues. */
const MAX_PAGES = 100;
const RAW = 'application/vnd.github.raw+json';

/** Parses `owner/name`; undefined when the text does not look like a repository. */
export function parseRepository(text: string): RepoRef | undefined {
  const match = /^\s*([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9_.-]+?)(?:\.git)?\s*$/.exec(text);
  return match ? { owner: match[1], repo: match[2] } : undefined;
}

/**
 * GitHub REST client with no editor dependency: give it a token provider and a `fetch`.
 * Lists open issues and pull requests (Link pagination, ETag revalidation), reads an issue,
 * a pull request's changed files and a file's raw contents at a commit.
 */
export class GitHubClient {
  private readonly http: GitHubHttp;

  constructor(options: HttpOptions) {
    this.http = new GitHubHttp(options);
  }

  /** What the last response said about the rate limit. */
  get rateLimit(): RateLimit {
    return this.http.rateLimit;
  }

  /** Lets the next request ask GitHub even while the rate limit was used up (an explicit Retry). */
  forgetRateLimitWait(): void {
    this.http.forgetRateLimitWait();
  }

  /** Forgets ETags, cached pages and rate-limit waits (call when the account changes: each has its own limit). */
  clearCache(): void {
    this.http.clearCache();
  }

  /** `GET /repos/{o}/{r}/issues?state=open&per_page=100`, every page; pull requests carry `pull_request`. */
  listOpenIssues(ref: RepoRef): Promise<Listing<GitHubIssue>> {
    return this.paginate<GitHubIssue>(`${repoPath(ref)}/issues?state=open&per_page=100`, isIssue);
  }

  /** `GET /repos/{o}/{r}/issues/{n}` (also answers for pull requests). */
  async getIssue(ref: RepoRef, number: number): Promise<GitHubIssue> {
    return this.getObject(`${repoPath(ref)}/issues/${number}`, isIssue, 'an issue');
  }

  /** `GET /repos/{o}/{r}/pulls/{n}`: the head commit is `head.sha`. */
  async getPull(ref: RepoRef, number: number): Promise<GitHubPull> {
    return this.getObject(`${repoPath(ref)}/pulls/${number}`, isPull, 'a pull request');
  }

  /** `GET /repos/{o}/{r}/pulls/{n}/files`, every page. */
  async listPullFiles(ref: RepoRef, number: number): Promise<GitHubPullFile[]> {
    return (await this.paginate<GitHubPullFile>(`${repoPath(ref)}/pulls/${number}/files?per_page=100`, isPullFile)).items;
  }

  /** A file's raw text at a commit: `GET /repos/{o}/{r}/contents/{path}?ref={sha}` with the raw media type. */
  async getFileText(ref: RepoRef, path: string, commit: string): Promise<string> {
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    const url = this.http.resolve(`${repoPath(ref)}/contents/${encoded}?ref=${encodeURIComponent(commit)}`);
    return (await this.http.get(url, RAW)).text;
  }

  /**
   * A file's raw text on the default branch: `GET /repos/{o}/{r}/contents/{path}` with the raw media type,
   * revalidated with its ETag (`notModified` when GitHub answered 304 from the cached copy). A body over
   * `maxChars` is refused as malformed, so a hostile server cannot hand the caller an unbounded text.
   */
  async getDefaultBranchFile(ref: RepoRef, path: string, maxChars: number): Promise<{ text: string; notModified: boolean }> {
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    const url = this.http.resolve(`${repoPath(ref)}/contents/${encoded}`);
    const result = await this.http.get(url, RAW);
    if (result.text.length > maxChars) throw new GitHubError('malformed', `GitHub's answer for ${url.pathname} is larger than ${maxChars} characters.`);
    return { text: result.text, notModified: result.notModified };
  }

  /**
   * The entries of a folder on the default branch: `GET /repos/{o}/{r}/contents/{path}`. At most
   * {@link MAX_DIRECTORY_ENTRIES} are kept; an answer that is not a list of entries is refused.
   */
  async listDirectory(ref: RepoRef, path: string): Promise<DirectoryEntry[]> {
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    const url = this.http.resolve(`${repoPath(ref)}/contents/${encoded}`);
    const value = decode((await this.http.get(url)).text, url);
    if (!Array.isArray(value)) throw shapeError(url, 'a folder listing');
    return value.filter(isDirectoryEntry).slice(0, MAX_DIRECTORY_ENTRIES).map((e) => ({ name: e.name, path: e.path, type: e.type }));
  }

  private async getObject<T>(path: string, guard: (v: unknown) => v is T, what: string): Promise<T> {
    const url = this.http.resolve(path);
    const value = decode((await this.http.get(url)).text, url);
    if (!guard(value)) throw shapeError(url, what);
    return value;
  }

  private async paginate<T>(path: string, guard: (v: unknown) => v is T): Promise<Listing<T>> {
    const items: T[] = [];
    let next: string | undefined = path;
    let pages = 0;
    let notModified = true;
    while (next && pages < MAX_PAGES) {
      const url = this.http.resolve(next);
      const result = await this.http.get(url);
      const page = decode(result.text, url);
      if (!Array.isArray(page) || !page.every(guard)) throw shapeError(url, 'a list');
      items.push(...page);
      pages++;
      notModified &&= result.notModified;
      next = parseLinkHeader(result.link).get('next');
    }
    return { items, pages, notModified };
  }
}

function repoPath(ref: RepoRef): string {
  return `repos/${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.repo)}`;
}

function decode(text: string, url: URL): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new GitHubError('malformed', `GitHub sent a response that is not valid JSON (${url.pathname}).`);
  }
}

function shapeError(url: URL, what: string): GitHubError {
  return new GitHubError('malformed', `GitHub's answer for ${url.pathname} is not ${what} as expected.`);
}

/** One entry of a folder listing. */
export interface DirectoryEntry {
  name: string;
  path: string;
  /** `file`, `dir`, `symlink` or `submodule`. */
  type: string;
}

/** The most entries of one folder listing kept (GitHub lists at most 1,000). */
export const MAX_DIRECTORY_ENTRIES = 1000;

function isDirectoryEntry(v: unknown): v is DirectoryEntry {
  return isObject(v) && typeof v.name === 'string' && v.name.length <= 255 && typeof v.path === 'string' && v.path.length <= 1024 && typeof v.type === 'string';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isIssue(v: unknown): v is GitHubIssue {
  return (
    isObject(v) &&
    typeof v.number === 'number' &&
    typeof v.title === 'string' &&
    typeof v.html_url === 'string' &&
    typeof v.created_at === 'string' &&
    typeof v.updated_at === 'string' &&
    Array.isArray(v.labels)
  );
}

function isPull(v: unknown): v is GitHubPull {
  return isObject(v) && typeof v.number === 'number' && isObject(v.head) && typeof v.head.sha === 'string';
}

function isPullFile(v: unknown): v is GitHubPullFile {
  return isObject(v) && typeof v.filename === 'string' && typeof v.status === 'string';
}
