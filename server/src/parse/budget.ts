import type { Root } from 'mdast';
import { parseSlice, type SliceParser } from '../sep/markdown';

/** Thrown by a {@link BudgetedParser}'s parse when the check it belongs to ran out of time. */
export class ParseStopped extends Error {
  constructor() {
    super('the Markdown parse ran past the check\'s time budget');
  }
}

/** Parses one slice elsewhere within a time limit; throws {@link ParseStopped} when the limit passes. */
export interface RemoteParser {
  parse(text: string, timeoutMs: number): Root;
}

/**
 * Slices up to this many characters are parsed in this thread; longer ones go
 * to the {@link RemoteParser}, which can be stopped. micromark cannot be
 * interrupted, and its slowest input measured (a flat list of `1. a` items)
 * costs about 35 µs per character on a busy 2-core machine, so an inline
 * slice takes at most about a second. Every slice of a real SEP is smaller
 * (the longest among the merged SEPs is under 8,000 characters); documents
 * the chunker cannot split are parsed whole.
 */
export const INLINE_SLICE = 32 * 1024;

/**
 * The slice parser for one check at a time: {@link begin} sets the check's
 * deadline, and every slice past it (or a long slice still running when it
 * comes) throws {@link ParseStopped}. Short slices are parsed in this thread,
 * long ones by the remote parser when there is one.
 */
export class BudgetedParser {
  private deadline = Infinity;
  /** Slices parsed so far (here or by the remote parser), for `sep/stats`. */
  parsed = 0;

  constructor(
    private readonly remote: RemoteParser | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Starts a check that must finish by `deadline` (a {@link now} reading). */
  begin(deadline: number): void {
    this.deadline = deadline;
  }

  /** Ends the check: parses outside a check have no limit. */
  end(): void {
    this.deadline = Infinity;
  }

  readonly parse: SliceParser = (text) => {
    const left = this.deadline - this.now();
    if (left <= 0) throw new ParseStopped();
    this.parsed++;
    if (text.length <= INLINE_SLICE || !this.remote) return parseSlice(text);
    return this.remote.parse(text, Number.isFinite(left) ? left : 2 ** 31 - 1);
  };
}
