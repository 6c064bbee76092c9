/**
 * The conformance repository's status per SEP (its traceability manifest), for the sidebar's tooltips and
 * the language server: the last good read, kept across restarts (bounded when saved, checked again when
 * read back), refreshed with the SEP list. No editor imports: the sidebar wires it, tests drive it
 * against the fake GitHub.
 */
import { parseTraceabilityManifest, MAX_MANIFEST_CHARS, TRACEABILITY_MANIFEST_PATH } from '../github/conformance';
import { GitHubError } from '../github/errors';
import { parseRepository, type RepoRef } from '../github/client';
import { MAX_CONFORMANCE_COUNT, MAX_CONFORMANCE_SEPS, type ConformanceEntry, type ConformanceStatusParams } from '../../../common/protocol';
import { Emitter } from './emitter';

/** The conformance repository unless `sep.conformance.repository` says otherwise. */
export const DEFAULT_CONFORMANCE_REPOSITORY = 'modelcontextprotocol/conformance';

/** Where the model reads the manifest from (a {@link GitHubClient} fits). */
export interface ConformanceSource {
  getDefaultBranchFile(ref: RepoRef, path: string, maxChars: number): Promise<{ text: string; notModified: boolean }>;
}

/** Persistence for the last good read (`context.globalState` in the extension). */
export interface ConformanceStore {
  get(): unknown;
  set(value: ConformanceStatusParams & { apiUrl: string }): PromiseLike<void>;
  clear?(): PromiseLike<void>;
}

/** What the model needs; `now` and `store` are injectable for tests. */
export interface ConformanceModelOptions {
  source: ConformanceSource;
  /** `owner/name` of the conformance repository. */
  repository: string;
  /** The API the data is read from (a saved read from another server is not used). */
  apiUrl: string;
  store?: ConformanceStore;
  now?: () => number;
}

/** What a refresh did. */
export interface ConformanceRefresh {
  ok: boolean;
  notModified?: boolean;
  /** Why it failed, in words (GitHub's error message, never a header). */
  problem?: string;
}

/** The conformance model. Call {@link refresh}; listen to {@link onDidChange}. */
export class ConformanceModel {
  private readonly changed = new Emitter<void>();
  /** Fires when the data or the problem changes. */
  readonly onDidChange = this.changed.event;
  private data: ConformanceStatusParams | undefined;
  private bySep = new Map<number, ConformanceEntry>();
  private currentProblem: string | undefined;
  private inflight: Promise<ConformanceRefresh> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: ConformanceModelOptions) {
    this.now = options.now ?? Date.now;
    const saved = readSavedConformance(options.store?.get(), options.repository, options.apiUrl);
    if (saved === 'bad') void Promise.resolve(options.store?.clear?.()).catch(() => undefined);
    else if (saved) this.use(saved);
  }

  /** The repository setting this model reads. */
  get repository(): string {
    return this.options.repository;
  }

  /** What the server is told: the last good read, or undefined before the first. */
  get status(): ConformanceStatusParams | undefined {
    return this.data;
  }

  /** Why the last refresh failed, if it did. */
  get problem(): string | undefined {
    return this.currentProblem;
  }

  /** The counts of SEP `sep`; undefined when the manifest does not list it or was not read yet. */
  counts(sep: number): ConformanceEntry | undefined {
    return this.bySep.get(sep);
  }

  /** Reads the manifest (with its ETag). Never rejects; one refresh at a time; the last good data stays on failure. */
  refresh(): Promise<ConformanceRefresh> {
    this.inflight ??= this.load().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async load(): Promise<ConformanceRefresh> {
    const ref = parseRepository(this.options.repository);
    if (!ref) return this.fail(`sep.conformance.repository is not "owner/name": "${this.options.repository.slice(0, 80)}".`);
    try {
      const file = await this.options.source.getDefaultBranchFile(ref, TRACEABILITY_MANIFEST_PATH, MAX_MANIFEST_CHARS);
      if (file.notModified && this.data && !this.currentProblem) return { ok: true, notModified: true };
      const seps = parseTraceabilityManifest(file.text);
      const data = { repository: this.options.repository, fetchedAt: new Date(this.now()).toISOString(), seps };
      this.use(data);
      this.currentProblem = undefined;
      this.changed.fire();
      await Promise.resolve(this.options.store?.set({ ...data, apiUrl: this.options.apiUrl })).catch(() => undefined);
      return { ok: true, notModified: file.notModified };
    } catch (error) {
      return this.fail(error instanceof GitHubError ? error.message : 'Reading the conformance manifest failed unexpectedly.');
    }
  }

  private use(data: ConformanceStatusParams): void {
    this.data = data;
    this.bySep = new Map(data.seps.map((e) => [e.sep, e]));
  }

  private fail(problem: string): ConformanceRefresh {
    const changed = problem !== this.currentProblem;
    this.currentProblem = problem;
    if (changed) this.changed.fire();
    return { ok: false, problem };
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_CONFORMANCE_COUNT;
const SETTING_CHARS = 500;

function isEntry(v: unknown): v is ConformanceEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return isCount(e.sep) && e.sep > 0 && isCount(e.tested) && isCount(e.untested) && isCount(e.excluded);
}

/**
 * Checks a stored read: the data for `repository` at `apiUrl` when well-formed and within bounds;
 * undefined when nothing (or another repository's read) is stored; `bad` when it must be dropped.
 */
export function readSavedConformance(value: unknown, repository: string, apiUrl: string): ConformanceStatusParams | undefined | 'bad' {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return 'bad';
  const v = value as Record<string, unknown>;
  const text = (x: unknown): x is string => typeof x === 'string' && x.length <= SETTING_CHARS;
  if (!text(v.repository) || !text(v.apiUrl) || !text(v.fetchedAt) || !Number.isFinite(Date.parse(v.fetchedAt))) return 'bad';
  if (!Array.isArray(v.seps) || v.seps.length > MAX_CONFORMANCE_SEPS || !v.seps.every(isEntry)) return 'bad';
  if (v.repository !== repository || v.apiUrl !== apiUrl) return undefined;
  const seps = v.seps.map(({ sep, tested, untested, excluded }: ConformanceEntry) => ({ sep, tested, untested, excluded }));
  return { repository, fetchedAt: v.fetchedAt, seps };
}

/** `Conformance (owner/name): 3 tested · 0 untested · 2 excluded`, the line the SEP tooltip shows. */
export function conformanceLine(repository: string, c: ConformanceEntry): string {
  return `Conformance (${repository}): ${c.tested} tested · ${c.untested} untested · ${c.excluded} excluded`;
}
