/**
 * A local HTTP server on 127.0.0.1 that answers like GitHub's REST API for one or more repositories:
 * issue listings with Link pagination (via `/repositories/{id}/issues`, as GitHub does), ETag/304,
 * rate-limit headers and 403 when used up, 401 for unknown tokens, 404, a pull request's files and raw
 * contents, and files on a repository's default branch (`FakeRepo.files`). Tests inject failures (`fail()`: a status, a rate limit, a hang, malformed JSON, a redirect),
 * once or `times` times, so "500 once, then fine" is `fail({ kind: 'status', status: 500 }, { times: 1 })`.
 * The e2e suite runs it as a CLI:
 *
 *   node --import tsx test/support/fakeGitHub.ts --port 8787
 *
 * which prints `FAKE_GITHUB_URL=http://127.0.0.1:8787` and serves the default scenario.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { defaultRepo, type FakeIssue, type FakeRepo } from './fakeGitHubScenario';
import { filePayload, issuePayload, pullPayload, repoPayload } from './fakeGitHubPayloads';

export { defaultRepo, daysAgo, headSha, sepMarkdown } from './fakeGitHubScenario';
export type { FakeFile, FakeIssue, FakeRepo } from './fakeGitHubScenario';

/** A failure the fake answers with instead of the real response. */
export type FakeFailure =
  | { kind: 'status'; status: number; message?: string; headers?: Record<string, string> }
  | { kind: 'rateLimited'; resetAt?: Date; retryAfter?: number }
  | { kind: 'hang' }
  | { kind: 'malformed' }
  /** Answers with a redirect (default 302) to `location`, on this host or another. */
  | { kind: 'redirect'; location: string; status?: number };

/** Options of {@link FakeGitHub.start}. */
export interface FakeGitHubOptions {
  /** Repositories to serve; default: {@link defaultRepo}. */
  repos?: FakeRepo[];
  /** Valid tokens; other bearer tokens get 401. Default: any token is valid. */
  tokens?: string[];
  /** Requests per window (default 60 signed out, 5000 signed in, like GitHub). */
  rateLimit?: { anonymous?: number; authenticated?: number };
  port?: number;
  host?: string;
}

/** A request as the fake saw it (headers lower-cased). */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  status: number;
}

interface FailureRule {
  failure: FakeFailure;
  match?: RegExp;
  times: number;
}

/** The fake server. Start it with {@link FakeGitHub.start}; always `close()` it. */
export class FakeGitHub {
  /** Every request served, in order. */
  readonly requests: RecordedRequest[] = [];
  /** The repositories served; mutate freely between requests. */
  repos: FakeRepo[];
  private failures: FailureRule[] = [];
  private readonly used = new Map<string, number>();
  private readonly windowReset = Math.floor(Date.now() / 1000) + 3600;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server, readonly url: string, private readonly options: FakeGitHubOptions) {
    this.repos = options.repos ?? [defaultRepo()];
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Starts a server on 127.0.0.1 (port 0 = any free port). */
  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    let fake: FakeGitHub | undefined;
    const server = createServer((req, res) => fake!.handle(req, res));
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => ok());
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('fake GitHub: no TCP address');
    fake = new FakeGitHub(server, `http://${options.host ?? '127.0.0.1'}:${address.port}`, options);
    return fake;
  }

  /** The first repository (the default scenario's only one). */
  get repo(): FakeRepo {
    return this.repos[0];
  }

  /** Answers matching requests (path+query against `match`, default all) with `failure`, `times` times (default forever). */
  fail(failure: FakeFailure, options: { match?: RegExp; times?: number } = {}): void {
    this.failures.push({ failure, match: options.match, times: options.times ?? Infinity });
  }

  /** Removes every injected failure. */
  clearFailures(): void {
    this.failures = [];
  }

  /** Finds an issue or pull request of the first repository. */
  issue(number: number): FakeIssue | undefined {
    return this.repo.issues.find((i) => i.number === number);
  }

  /** Stops listening and drops open (e.g. hanging) connections. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const record: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname + url.search, headers: { ...req.headers } as Record<string, string | undefined>, status: 0 };
    this.requests.push(record);
    const send = (status: number, body: string | undefined, headers: Record<string, string> = {}): void => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(body);
    };
    const failure = this.takeFailure(record.path);
    if (failure?.kind === 'hang') return; // never answer; close() drops the socket
    const auth = this.authenticate(req.headers.authorization);
    if (auth === 'bad') return send(401, error('Bad credentials', 401));
    const limit = this.rateHeaders(auth, failure);
    if (failure) return this.sendFailure(failure, limit, send);
    if (limit['x-ratelimit-remaining'] === '0' && !this.wouldBe304(req, url)) {
      return send(403, error(`API rate limit exceeded for ${auth === 'anonymous' ? '127.0.0.1' : 'user'}.`, 403), limit);
    }
    const result = this.route(url, req.headers.accept ?? '');
    if (result.status !== 200) return send(result.status, result.body, limit);
    const etag = `W/"${createHash('sha1').update(result.body).digest('hex')}"`;
    const headers: Record<string, string> = { ...limit, etag, ...(result.headers ?? {}) };
    if (matchesEtag(req.headers['if-none-match'], etag)) return send(304, undefined, headers);
    this.count(auth);
    headers['x-ratelimit-remaining'] = String(Math.max(0, Number(limit['x-ratelimit-remaining']) - 1));
    send(200, result.body, headers);
  }

  private takeFailure(path: string): FakeFailure | undefined {
    const rule = this.failures.find((r) => r.times > 0 && (!r.match || r.match.test(path)));
    if (!rule) return undefined;
    rule.times--;
    return rule.failure;
  }

  private authenticate(header: string | undefined): 'anonymous' | 'bad' | string {
    if (!header) return 'anonymous';
    const token = /^(?:Bearer|token)\s+(\S+)$/i.exec(header)?.[1];
    if (!token || (this.options.tokens && !this.options.tokens.includes(token))) return 'bad';
    return `token:${token}`;
  }

  private rateHeaders(who: string, failure: FakeFailure | undefined): Record<string, string> {
    const limit = who === 'anonymous' ? this.options.rateLimit?.anonymous ?? 60 : this.options.rateLimit?.authenticated ?? 5000;
    const used = this.used.get(who) ?? 0;
    const reset = failure?.kind === 'rateLimited' && failure.resetAt ? Math.floor(failure.resetAt.getTime() / 1000) : this.windowReset;
    const remaining = failure?.kind === 'rateLimited' ? 0 : Math.max(0, limit - used);
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-used': String(Math.min(limit, used)),
      'x-ratelimit-resource': 'core',
    };
  }

  private count(who: string): void {
    this.used.set(who, (this.used.get(who) ?? 0) + 1);
  }

  private wouldBe304(req: IncomingMessage, url: URL): boolean {
    if (!req.headers['if-none-match'] || !req.headers.authorization) return false;
    const result = this.route(url, req.headers.accept ?? '');
    return result.status === 200 && matchesEtag(req.headers['if-none-match'], `W/"${createHash('sha1').update(result.body).digest('hex')}"`);
  }

  private sendFailure(failure: FakeFailure, limit: Record<string, string>, send: (s: number, b: string | undefined, h?: Record<string, string>) => void): void {
    if (failure.kind === 'malformed') return send(200, '[{"number": 1, "title": "SEP-1: trunc', limit);
    if (failure.kind === 'redirect') return send(failure.status ?? 302, undefined, { ...limit, location: failure.location });
    if (failure.kind === 'rateLimited') {
      const headers = failure.retryAfter !== undefined ? { ...limit, 'retry-after': String(failure.retryAfter) } : limit;
      return send(403, error('API rate limit exceeded for 127.0.0.1.', 403), headers);
    }
    if (failure.kind === 'status') {
      const fallback = failure.status >= 500 ? 'Server Error' : failure.status === 404 ? 'Not Found' : 'Error';
      send(failure.status, error(failure.message ?? fallback, failure.status), { ...limit, ...(failure.headers ?? {}) });
    }
  }

  private route(url: URL, accept: string): { status: number; body: string; headers?: Record<string, string> } {
    const notFound = { status: 404, body: error('Not Found', 404) };
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    let repo: FakeRepo | undefined;
    let rest: string[];
    if (parts[0] === 'repos' && parts.length >= 3) {
      repo = this.repos.find((r) => r.owner.toLowerCase() === parts[1].toLowerCase() && r.repo.toLowerCase() === parts[2].toLowerCase());
      rest = parts.slice(3);
    } else if (parts[0] === 'repositories' && parts.length >= 2) {
      repo = this.repos.find((r) => String(r.id) === parts[1]);
      rest = parts.slice(2);
    } else return notFound;
    if (!repo) return notFound;
    const base = this.url;
    const q = url.searchParams;
    if (rest.length === 0) return ok(repoPayload(base, repo));
    if (rest[0] === 'issues' && rest.length === 1) {
      const state = q.get('state') ?? 'open';
      const items = repo.issues
        .filter((i) => state === 'all' || i.state === state)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.number - a.number);
      return this.page(url, `/repositories/${repo.id}/issues`, items, (i) => issuePayload(base, repo!, i), 30);
    }
    if (rest[0] === 'contents') return this.contents(repo, rest.slice(1), q.get('ref'), accept);
    const issue = repo.issues.find((i) => i.number === Number(rest[1]));
    if (!issue) return notFound;
    if (rest[0] === 'issues' && rest.length === 2) return ok(issuePayload(base, repo, issue));
    if (rest[0] !== 'pulls' || !issue.pull) return notFound;
    if (rest.length === 2) return ok(pullPayload(base, repo, issue));
    if (rest.length === 3 && rest[2] === 'files') {
      const files = issue.pull.files;
      return this.page(url, `/repositories/${repo.id}/pulls/${issue.number}/files`, files, (f) => filePayload(base, repo!, issue, f), 30);
    }
    return notFound;
  }

  private contents(repo: FakeRepo, path: string[], ref: string | null, accept: string): { status: number; body: string; headers?: Record<string, string> } {
    const name = path.join('/');
    const onDefaultBranch = ref === null && repo.files && Object.hasOwn(repo.files, name) ? repo.files[name] : undefined;
    if (onDefaultBranch !== undefined) {
      if (/raw/.test(accept)) return { status: 200, body: onDefaultBranch, headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' } };
      return ok({ type: 'file', name: name.split('/').pop(), path: name, encoding: 'base64', content: Buffer.from(onDefaultBranch).toString('base64') });
    }
    // A folder on the default branch: its entries, as GitHub lists them (files, and subfolders once).
    const below = ref === null && repo.files ? Object.keys(repo.files).filter((p) => p.startsWith(`${name}/`)) : [];
    if (below.length) {
      const seen = new Set<string>();
      const entries = below.flatMap((p) => {
        const [first, ...rest] = p.slice(name.length + 1).split('/');
        if (seen.has(first)) return [];
        seen.add(first);
        return [{ name: first, path: `${name}/${first}`, type: rest.length ? 'dir' : 'file', sha: 'f'.repeat(40) }];
      });
      return ok(entries);
    }
    const file = repo.issues.flatMap((i) => (i.pull && (!ref || i.pull.headSha === ref) ? i.pull.files : [])).find((f) => f.filename === name && f.content !== undefined);
    if (!file?.content) return { status: 404, body: error('Not Found', 404) };
    if (/raw/.test(accept)) return { status: 200, body: file.content, headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' } };
    return ok({ type: 'file', name: name.split('/').pop(), path: name, encoding: 'base64', content: Buffer.from(file.content).toString('base64') });
  }

  private page<T>(url: URL, linkPath: string, items: T[], render: (item: T) => unknown, defaultSize: number): { status: number; body: string; headers?: Record<string, string> } {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? defaultSize) || defaultSize));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const body = JSON.stringify(items.slice((page - 1) * perPage, page * perPage).map(render));
    const link = (p: number, rel: string): string => {
      const target = new URL(linkPath, this.url);
      url.searchParams.forEach((v, k) => target.searchParams.set(k, v));
      target.searchParams.set('page', String(p));
      return `<${target.href}>; rel="${rel}"`;
    };
    const rels = [page > 1 ? link(page - 1, 'prev') : '', page < last ? link(page + 1, 'next') : '', page < last ? link(last, 'last') : '', page > 1 ? link(1, 'first') : ''];
    const header = rels.filter(Boolean).join(', ');
    return { status: 200, body, headers: header ? { link: header } : {} };
  }
}

function ok(value: unknown): { status: number; body: string } {
  return { status: 200, body: JSON.stringify(value) };
}

function error(message: string, status: number): string {
  return JSON.stringify({ message, documentation_url: 'https://docs.github.com/rest', status: String(status) });
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  return !!header && header.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const fake = await FakeGitHub.start({ port: Number(arg('--port') ?? 0), host: arg('--host') ?? '127.0.0.1' });
  process.stdout.write(`FAKE_GITHUB_URL=${fake.url}\n`);
  const stop = (): void => void fake.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (/[\\/]fakeGitHub\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`fake GitHub failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
