/**
 * The sidebar's data: the last good list of open SEPs (kept across restarts through a store), the
 * current problem if the last refresh failed, and a change event. No editor imports: the tree adapter
 * renders it, tests drive it against the fake GitHub server.
 */
import { parseRepository, type Listing, type RepoRef } from '../github/client';
import type { GitHubIssue } from '../github/types';
import { Emitter } from './emitter';
import { badApiUrlProblem, badRepositoryProblem, describeProblem, type SidebarProblem } from './problems';
import { isApiUrl } from './settings';
import { SEP_STATES, toSepItem, type SepItem } from './seps';

/** Where the model gets open issues from (a {@link GitHubClient} fits). */
export interface SepSource {
  listOpenIssues(ref: RepoRef): Promise<Listing<GitHubIssue>>;
}

/** The list saved after each good refresh (no token, no raw GitHub payloads). */
export interface SavedList {
  repository: string;
  apiUrl: string;
  fetchedAt: string;
  items: SepItem[];
}

/** Persistence for the last good list (`context.globalState` in the extension). */
export interface ListStore {
  get(): unknown;
  set(value: SavedList): PromiseLike<void>;
}

/** What the model needs; `now` and `store` are injectable for tests. */
export interface SidebarModelOptions {
  source: SepSource;
  repository: string;
  apiUrl: string;
  signedIn?: () => boolean;
  store?: ListStore;
  now?: () => number;
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

  constructor(private readonly options: SidebarModelOptions) {
    this.now = options.now ?? Date.now;
    this.list = readSaved(options.store?.get(), options.repository, options.apiUrl);
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
   * While a refresh runs, further calls share it (one refresh at a time).
   */
  refresh(): Promise<RefreshResult> {
    if (!this.inflight) {
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
      const items = listing.items.map(toSepItem).filter((i): i is SepItem => i !== undefined);
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
    return { ok: false, problem };
  }

  private async save(list: SavedList): Promise<void> {
    try {
      await this.options.store?.set(list);
    } catch {
      // losing the saved copy only costs the next start its instant list
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const STATES: readonly string[] = [...SEP_STATES, 'none'];

function isSavedItem(v: unknown): v is SepItem {
  if (typeof v !== 'object' || v === null) return false;
  const i = v as Record<string, unknown>;
  return (
    typeof i.number === 'number' &&
    typeof i.title === 'string' &&
    (i.kind === 'pull' || i.kind === 'issue') &&
    typeof i.state === 'string' &&
    STATES.includes(i.state) &&
    Array.isArray(i.labels) &&
    Array.isArray(i.assignees) &&
    typeof i.createdAt === 'string' &&
    typeof i.updatedAt === 'string' &&
    typeof i.url === 'string'
  );
}

/** The saved list when it is for this repository and API and well-formed; otherwise nothing. */
function readSaved(value: unknown, repository: string, apiUrl: string): SavedList | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const saved = value as Partial<SavedList>;
  if (saved.repository !== repository || saved.apiUrl !== apiUrl) return undefined;
  if (typeof saved.fetchedAt !== 'string' || !Number.isFinite(Date.parse(saved.fetchedAt))) return undefined;
  if (!Array.isArray(saved.items) || !saved.items.every(isSavedItem)) return undefined;
  return { repository, apiUrl, fetchedAt: saved.fetchedAt, items: saved.items };
}
