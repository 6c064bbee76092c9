import { GitHubError, offlineError, redactUrl } from './errors';
import type { FetchLike, FetchResponse, RateLimit, TokenProvider } from './types';

/** Options shared by every request the client makes. */
export interface HttpOptions {
  /** API base URL, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  apiUrl: string;
  /** Supplies the OAuth token (or undefined when signed out) for each request. */
  token: TokenProvider;
  /** A `fetch`-compatible function; the global `fetch` in production, the same against the fake in tests. */
  fetch: FetchLike;
  /** Per-request timeout including the body, default 10 000 ms. */
  timeoutMs?: number;
  /** The clock (ms since epoch), injectable for tests. */
  now?: () => number;
  /** The User-Agent GitHub requires. */
  userAgent?: string;
  /**
   * Waits before retrying a request that met a 5xx or a network error; one entry per retry
   * (default 500 ms then 2 s: two retries with backoff). `[]` turns retries off.
   */
  retryDelaysMs?: readonly number[];
  /** How to wait `ms` (injectable for tests). */
  sleep?: (ms: number) => Promise<void>;
}

/** A decoded response: the body text, its Link header and whether it came from the ETag cache. */
export interface HttpResult {
  status: number;
  text: string;
  link: string | undefined;
  notModified: boolean;
}

interface CachedBody {
  etag: string;
  text: string;
  link: string | undefined;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRY_DELAYS_MS = [500, 2000];
/** Redirects followed per request, each only within the API's origin. */
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * One GitHub REST conversation: headers, timeout, rate-limit bookkeeping, conditional requests
 * (ETag → 304 answered from memory) and the mapping of failures to {@link GitHubError}.
 */
export class GitHubHttp {
  /** What the last response said about the rate limit. */
  rateLimit: RateLimit = {};
  readonly apiBase: URL;
  private readonly cache = new Map<string, CachedBody>();
  private blockedUntil = 0;
  private readonly now: () => number;

  constructor(private readonly options: HttpOptions) {
    this.apiBase = new URL(options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`);
    this.now = options.now ?? Date.now;
  }

  /** Forgets cached bodies, ETags and any rate-limit wait: call when the account changes (each has its own limit). */
  clearCache(): void {
    this.cache.clear();
    this.blockedUntil = 0;
    this.rateLimit = {};
  }

  /** Resolves an API path (`repos/o/r/issues`) or an absolute URL against the base, refusing other hosts. */
  resolve(pathOrUrl: string): URL {
    const url = new URL(pathOrUrl.replace(/^\//, ''), this.apiBase);
    if (url.origin !== this.apiBase.origin) {
      throw new GitHubError('malformed', `GitHub pointed to another host (${url.host}); the request was not sent.`);
    }
    return url;
  }

  /** Lets the next request through even while GitHub's rate limit was used up (a user's explicit Retry). */
  forgetRateLimitWait(): void {
    this.blockedUntil = 0;
  }

  /**
   * GETs a URL. A 5xx or network error is retried with backoff (see {@link HttpOptions.retryDelaysMs});
   * redirects are followed only within the API's origin. Throws {@link GitHubError} for every failure;
   * never includes the token in a message.
   */
  async get(url: URL, accept = 'application/vnd.github+json'): Promise<HttpResult> {
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.getOnce(url, accept);
      } catch (error) {
        const transient = error instanceof GitHubError && (error.kind === 'server' || error.kind === 'offline');
        if (!transient || attempt >= delays.length) throw error;
        await (this.options.sleep ?? sleep)(delays[attempt]);
      }
    }
  }

  private async getOnce(url: URL, accept: string): Promise<HttpResult> {
    this.checkNotBlocked();
    const key = `${accept} ${url.href}`;
    const cached = this.cache.get(key);
    const headers = await this.headers(accept, cached?.etag);
    const response = await this.fetchFollowing(url, headers);
    this.noteRateLimit(response.res);
    const { status } = response.res;
    if (status === 304 && cached) return { status, text: cached.text, link: cached.link, notModified: true };
    if (status >= 200 && status < 300) {
      const link = response.res.headers.get('link') ?? undefined;
      const etag = response.res.headers.get('etag');
      if (etag) this.cache.set(key, { etag, text: response.text, link });
      return { status, text: response.text, link, notModified: false };
    }
    throw this.statusError(response.res, response.text, url, headers.Authorization !== undefined);
  }

  /** Fetches, following a redirect only to the API's own origin (the token never goes anywhere else). */
  private async fetchFollowing(url: URL, headers: Record<string, string>): Promise<{ res: FetchResponse; text: string }> {
    let target = url;
    let response = await this.fetchWithTimeout(target, headers);
    for (let hops = 0; REDIRECTS.has(response.res.status); hops++) {
      const location = response.res.headers.get('location');
      if (!location || hops >= MAX_REDIRECTS) {
        throw new GitHubError('http', `GitHub answered ${response.res.status} for ${url.pathname} without a usable redirect.`, { status: response.res.status, url: redactUrl(url) });
      }
      target = this.resolve(new URL(location, target).href);
      response = await this.fetchWithTimeout(target, headers);
    }
    return response;
  }

  private async headers(accept: string, etag: string | undefined): Promise<Record<string, string>> {
    const headers: Record<string, string> = {
      Accept: accept,
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': this.options.userAgent ?? 'sep-authoring-vscode',
    };
    let token: string | undefined;
    try {
      token = await this.options.token();
    } catch {
      token = undefined; // an auth provider failure means "signed out", not a failed refresh
    }
    if (token) headers.Authorization = `Bearer ${token}`;
    if (etag) headers['If-None-Match'] = etag;
    return headers;
  }

  private async fetchWithTimeout(url: URL, headers: Record<string, string>): Promise<{ res: FetchResponse; text: string }> {
    const controller = new AbortController();
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new GitHubError('timeout', `GitHub did not answer within ${timeoutMs / 1000} s (${url.host}).`, { url: redactUrl(url) }));
      }, timeoutMs);
    });
    const attempt = (async () => {
      let res: FetchResponse;
      try {
        res = await this.options.fetch(url.href, { method: 'GET', headers, signal: controller.signal, redirect: 'manual' });
      } catch (error) {
        if (controller.signal.aborted) return timedOut;
        throw offlineError(error, url);
      }
      try {
        return { res, text: await res.text() };
      } catch (error) {
        if (controller.signal.aborted) return timedOut;
        throw offlineError(error, url);
      }
    })();
    try {
      return await Promise.race([attempt, timedOut]);
    } finally {
      clearTimeout(timer);
      attempt.catch(() => undefined);
      timedOut.catch(() => undefined);
    }
  }

  private noteRateLimit(res: FetchResponse): void {
    const remaining = parseNumber(res.headers.get('x-ratelimit-remaining'));
    const reset = parseNumber(res.headers.get('x-ratelimit-reset'));
    if (remaining !== undefined) this.rateLimit = { ...this.rateLimit, remaining };
    if (reset !== undefined) this.rateLimit = { ...this.rateLimit, resetAt: new Date(reset * 1000) };
    // Nothing left: the next request would be refused, so wait for the reset instead of asking.
    if (remaining === 0 && reset !== undefined) this.blockedUntil = Math.max(this.blockedUntil, reset * 1000);
  }

  /** Fails fast, without touching the network, while GitHub has told us to wait. */
  private checkNotBlocked(): void {
    if (this.now() < this.blockedUntil) throw rateLimitedError(new Date(this.blockedUntil));
  }

  private statusError(res: FetchResponse, text: string, url: URL, authenticated: boolean): GitHubError {
    const status = res.status;
    const where = { status, url: redactUrl(url), authenticated };
    if (status === 401 && !authenticated) {
      return new GitHubError('unauthorized', `${url.host} refused anonymous access (401) to ${url.pathname}.`, where);
    }
    if (status === 401) {
      return new GitHubError('unauthorized', 'GitHub rejected the sign-in (401): the token is invalid or was revoked. Sign in again.', where);
    }
    if (status === 403 || status === 429) {
      const resetAt = this.rateLimitReset(res, text);
      if (resetAt) {
        this.blockedUntil = resetAt.getTime();
        return rateLimitedError(resetAt, status);
      }
      return new GitHubError('forbidden', `GitHub refused access (${status}) to ${url.pathname}.`, where);
    }
    if (status === 404) return new GitHubError('notFound', `Not found on GitHub (404): ${url.pathname}.`, where);
    if (status >= 500) return new GitHubError('server', `GitHub had a server error (${status}). Try again later.`, where);
    return new GitHubError('http', `GitHub answered ${status} for ${url.pathname}.`, where);
  }

  /** When a 403/429 is a rate limit, when it ends: `retry-after`, else `x-ratelimit-reset` with 0 remaining. */
  private rateLimitReset(res: FetchResponse, text: string): Date | undefined {
    const retryAfter = parseNumber(res.headers.get('retry-after'));
    if (retryAfter !== undefined) return new Date(this.now() + retryAfter * 1000);
    if (res.headers.get('x-ratelimit-remaining') === '0') {
      return this.rateLimit.resetAt ?? new Date(this.now() + 60_000);
    }
    if (/rate limit/i.test(text)) return new Date(this.now() + 60_000); // secondary limit without headers
    return undefined;
  }
}

function rateLimitedError(resetAt: Date, status?: number): GitHubError {
  return new GitHubError(
    'rateLimited',
    `GitHub's rate limit is used up until ${resetAt.toLocaleTimeString()} (${resetAt.toISOString()}). Signing in raises the limit.`,
    { status, resetAt },
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function parseNumber(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
