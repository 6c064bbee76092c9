/**
 * The subset of GitHub's REST API shapes this extension reads. Field names follow the API exactly,
 * so a value decoded from a real response can be used without mapping.
 */

/** A user as embedded in issues and pull requests. */
export interface GitHubUser {
  login: string;
  html_url?: string;
}

/** A label as embedded in an issue. */
export interface GitHubLabel {
  name: string;
  color?: string;
  description?: string | null;
}

/** An entry of `GET /repos/{owner}/{repo}/issues`: an issue, or a pull request when `pull_request` is present. */
export interface GitHubIssue {
  number: number;
  title: string;
  state: string;
  html_url: string;
  user: GitHubUser | null;
  labels: Array<GitHubLabel | string>;
  assignees?: GitHubUser[] | null;
  created_at: string;
  updated_at: string;
  body?: string | null;
  pull_request?: { url?: string; html_url?: string } | null;
}

/** `GET /repos/{owner}/{repo}/pulls/{number}`: only what is needed to read its files at the head commit. */
export interface GitHubPull {
  number: number;
  title: string;
  html_url: string;
  body?: string | null;
  head: { sha: string; ref?: string };
}

/** An entry of `GET /repos/{owner}/{repo}/pulls/{number}/files`. */
export interface GitHubPullFile {
  filename: string;
  status: string;
  sha?: string;
  additions?: number;
  deletions?: number;
}

/** What the last response said about the rate limit. */
export interface RateLimit {
  /** Requests left in the current window, when the server said. */
  remaining?: number;
  /** When the window resets, when the server said. */
  resetAt?: Date;
}

/** Returns the current OAuth token, or undefined when signed out. Never logged, never stored. */
export type TokenProvider = () => Promise<string | undefined>;

/** The part of a fetch `Response` the client reads. */
export interface FetchResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The part of `RequestInit` the client passes. */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  signal: AbortSignal;
  /** Always `manual`: the client follows a redirect itself, and only within the API's origin. */
  redirect: 'manual';
}

/** A `fetch`-compatible function (the global `fetch` fits). */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;
