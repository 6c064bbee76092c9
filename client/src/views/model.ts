/**
 * The sidebar's data: the last good list of open SEPs (kept across restarts through a store), the
 * current problem if the last refresh failed, and a change event. No editor imports: the tree adapter
 * renders it, tests drive it against the fake GitHub server.
 */
import { parseRepository, type Listing, type RepoRef } from '../github/client';
import type { GitHubIssue } from '../github/types';
import { Emitter } from './emitter';
import { badApiUrlProblem, badRepositoryProblem, describeProblem, type SidebarProblem } from './problems';
import { boundItems, readSaved, type SavedList } from './saved';
import { isApiUrl } from './settings';
import { toSepItem, type SepItem } from './seps';

export type { SavedList } from './saved';

/** Where the model gets open issues from (a {@link GitHubClient} fits). */
export interface SepSource {
  listOpenIssues(ref: RepoRef): Promise<Listing<GitHubIssue>>;
  /** Lets the next request ask GitHub even while its rate limit was used up. */
  forgetRateLimitWait?(): void;
}

/** Persistence for the last good list (`context.globalState` in the extension). */
export interface ListStore {
  get(): unknown;
  set(value: SavedList): PromiseLike<void>;
  /** Removes a stored value that failed the checks. */
  clear?(): PromiseLike<void>;
}

/** A one-shot timer (injectable for tests). */
export type SetTimer = (run: () => void, ms: number) => { dispose(): void };

/** The longest wait for a rate-limit reset the model schedules at once (GitHub's windows are an hour). */
const MAX_RESET_WAIT_MS = 61 * 60_000;

/** What the model needs; `now` and `store` are injectable for tests. */
export interface SidebarModelOptions {
  source: SepSource;
  repository: string;
  apiUrl: string;
  signedIn?: () => boolean;
  store?: ListStore;
  now?: () => number;
  /** Lines shown above everything else, e.g. that a workspace setting was ignored. */
  notices?: readonly string[];
  setTimer?: SetTimer;
}

/** How a refresh was asked for. */
export interface RefreshOptions {
  /** The user asked (Retry, Refresh): ask GitHub even while its rate limit was used up, once. */
  userAsked?: boolean;
}

/** What a refresh did. */
export interface RefreshResult {
  ok: boolean;
  /** Every page answered 304: nothing changed. */
  notModified?: boolean;
  problem?: SidebarProblem;
}

/** The sidebar model. Call {@link refresh}; listen to {@link onDidChange}. */
export class SidebarModel {
  private readonly changed = new Emitter<void>();
  /** Fires whenever the list, the problem or the loading flag changes. */
  readonly onDidChange = this.changed.event;
  private list: SavedList | undefined;
  private currentProblem: SidebarProblem | undefined;
  private inflight: Promise<RefreshResult> | undefined;
  private readonly now: () => number;
  private resetTimer: { dispose(): void } | undefined;

  constructor(private readonly options: SidebarModelOptions) {
    this.now = options.now ?? Date.now;
    const saved = readSaved(options.store?.get(), options.repository, options.apiUrl);
    if (saved.kind === 'list') this.list = saved.list;
    if (saved.kind === 'bad') void Promise.resolve(options.store?.clear?.()).catch(() => undefined);
  }

  /** Lines shown above the list (settings that were ignored, and why). */
  get notices(): readonly string[] {
    return this.options.notices ?? [];
  }

  /** The repository setting this model shows. */
  get repository(): string {
    return this.options.repository;
  }

  /** The API base URL setting this model uses. */
  get apiUrl(): string {
    return this.options.apiUrl;
  }

  /** The last good list's SEPs (saved or fetched), undefined before the first success. */
  get items(): readonly SepItem[] | undefined {
    return this.list?.items;
  }

  /** When the last good list was fetched. */
  get fetchedAt(): Date | undefined {
    return this.list ? new Date(this.list.fetchedAt) : undefined;
  }

  /** Why the last refresh failed, if it did. */
  get problem(): SidebarProblem | undefined {
    return this.currentProblem;
  }

  /** True while a refresh runs. */
  get loading(): boolean {
    return this.inflight !== undefined;
  }

  /** The clock the model uses (for rendering relative times consistently). */
  time(): number {
    return this.now();
  }

  /**
   * Fetches the open SEPs. Never rejects: failures become {@link problem} and the last good list stays.
   * While a refresh runs, further calls share it (one refresh at a time). After a rate limit, the
   * model refreshes by itself when GitHub said the limit resets.
   */
  refresh(options: RefreshOptions = {}): Promise<RefreshResult> {
    if (options.userAsked) this.options.source.forgetRateLimitWait?.();
    if (!this.inflight) {
      this.resetTimer?.dispose();
      this.resetTimer = undefined;
      this.inflight = this.load().finally(() => {
        this.inflight = undefined;
        this.changed.fire();
      });
      this.changed.fire();
    }
    return this.inflight;
  }

  private async load(): Promise<RefreshResult> {
    const { repository, apiUrl } = this.options;
    const ref = parseRepository(repository);
    if (!ref) return this.fail(badRepositoryProblem(repository));
    if (!isApiUrl(apiUrl)) return this.fail(badApiUrlProblem(apiUrl));
    try {
      const listing = await this.options.source.listOpenIssues(ref);
      const items = boundItems(listing.items.map(toSepItem).filter((i): i is SepItem => i !== undefined));
      this.list = { repository, apiUrl, fetchedAt: new Date(this.now()).toISOString(), items };
      this.currentProblem = undefined;
      await this.save(this.list);
      return { ok: true, notModified: listing.notModified };
    } catch (error) {
      const signedIn = this.options.signedIn?.() ?? false;
      return this.fail(describeProblem(error, { repository, apiUrl, signedIn, now: this.now() }));
    }
  }

  private fail(problem: SidebarProblem): RefreshResult {
    this.currentProblem = problem;
    if (problem.kind === 'rateLimited' && problem.resetAt) this.refreshAt(Date.parse(problem.resetAt));
    return { ok: false, problem };
  }

  /** Schedules a refresh a second after `time` (GitHub's reset), at most an hour ahead at once. */
  private refreshAt(time: number): void {
    const wait = Math.min(MAX_RESET_WAIT_MS, Math.max(1000, time - this.now() + 1000));
    const setTimer = this.options.setTimer ?? defaultTimer;
    this.resetTimer = setTimer(() => {
      this.resetTimer = undefined;
      void this.refresh();
    }, wait);
  }

  private async save(list: SavedList): Promise<void> {
    try {
      await this.options.store?.set(list);
    } catch {
      // losing the saved copy only costs the next start its instant list
    }
  }

  dispose(): void {
    this.resetTimer?.dispose();
    this.resetTimer = undefined;
    this.changed.dispose();
  }
}

function defaultTimer(run: () => void, ms: number): { dispose(): void } {
  const timer = setTimeout(run, ms);
  (timer as { unref?: () => void }).unref?.();
  return { dispose: () => clearTimeout(timer) };
}
