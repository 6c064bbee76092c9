/**
 * When the sidebar may ask GitHub on its own: only while its view is visible. No editor imports: the
 * sidebar feeds it the view's visibility, tests drive it with their own clock and timers.
 */
import type { SetTimer } from './model';

/** A repeating timer (injectable for tests). */
export type SetRepeat = (run: () => void, ms: number) => { dispose(): void };

/** What {@link SidebarActivity} needs. */
export interface SidebarActivityOptions {
  /** Refreshes the list (the sidebar's own refresh: progress, log). */
  refresh(): Promise<unknown>;
  /** `sep.github.autoRefreshMinutes` now (0: off). */
  autoRefreshMinutes(): number;
  now?: () => number;
  setRepeat?: SetRepeat;
  setTimer?: SetTimer;
}

/**
 * The view's own requests: none until it has been shown (and the session lookup is done), then one when
 * it is first shown or shown again after something made its list stale (sign-in, settings, a rate-limit
 * reset that passed while hidden), and every `autoRefreshMinutes` while it stays visible. Commands
 * (Refresh, Retry, Open SEP) do not go through this: a user asking is always answered.
 */
export class SidebarActivity {
  private visible = false;
  private started = false;
  private stale = true;
  private lastRefresh: number | undefined;
  private repeat: { dispose(): void } | undefined;
  private readonly now: () => number;

  constructor(private readonly options: SidebarActivityOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Whether the view is visible now. */
  get isVisible(): boolean {
    return this.visible;
  }

  /** Lets refreshes happen (call once the silent session lookup has finished). */
  start(): void {
    this.started = true;
    this.update();
  }

  /** The view was shown or hidden. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.update();
  }

  /** The list no longer matches what it would be (session or settings changed): refresh now if shown, else when shown. */
  invalidate(): void {
    this.stale = true;
    this.update();
  }

  /** `autoRefreshMinutes` changed. */
  reschedule(): void {
    this.stopRepeat();
    this.update();
  }

  /** Records a refresh made by anyone (a command, the model), so showing the view does not repeat it at once. */
  refreshed(): void {
    this.stale = false;
    this.lastRefresh = this.now();
  }

  /**
   * A one-shot timer for the model (its rate-limit reset) that does not ask GitHub while the view is
   * hidden: firing then only marks the list stale, and it is refreshed when the view is shown.
   */
  readonly deferredTimer: SetTimer = (run, ms) => {
    const setTimer = this.options.setTimer ?? defaultTimer;
    return setTimer(() => {
      if (this.visible && this.started) run();
      else this.stale = true;
    }, ms);
  };

  private update(): void {
    if (!this.visible || !this.started) {
      this.stopRepeat();
      return;
    }
    const interval = this.intervalMs();
    const due = interval !== undefined && (this.lastRefresh === undefined || this.now() - this.lastRefresh >= interval);
    if (this.stale || due) this.run();
    if (interval !== undefined && !this.repeat) {
      const setRepeat = this.options.setRepeat ?? defaultRepeat;
      this.repeat = setRepeat(() => this.run(), interval);
    }
  }

  private run(): void {
    this.refreshed();
    void this.options.refresh().then(undefined, () => undefined);
  }

  private intervalMs(): number | undefined {
    const minutes = this.options.autoRefreshMinutes();
    return Number.isFinite(minutes) && minutes > 0 ? Math.max(1, minutes) * 60_000 : undefined;
  }

  private stopRepeat(): void {
    this.repeat?.dispose();
    this.repeat = undefined;
  }

  dispose(): void {
    this.stopRepeat();
    this.visible = false;
  }
}

function defaultRepeat(run: () => void, ms: number): { dispose(): void } {
  const timer = setInterval(run, ms);
  (timer as { unref?: () => void }).unref?.();
  return { dispose: () => clearInterval(timer) };
}

function defaultTimer(run: () => void, ms: number): { dispose(): void } {
  const timer = setTimeout(run, ms);
  (timer as { unref?: () => void }).unref?.();
  return { dispose: () => clearTimeout(timer) };
}
