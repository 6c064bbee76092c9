/**
 * What counts as a SEP among a repository's open issues and pull requests, its lifecycle state and its
 * staleness, as the maintainers' automation decides. Pure data in, pure data out (no editor imports).
 */
import type { GitHubIssue } from '../github/types';

/** Lifecycle labels in display order; a SEP with several takes the last one in this order. */
export const SEP_STATES = ['proposal', 'draft', 'in-review', 'accepted', 'final', 'dormant', 'rejected', 'withdrawn', 'superseded'] as const;

/** A lifecycle state, or `none` when the SEP carries no state label. */
export type SepState = (typeof SEP_STATES)[number] | 'none';

/** Group headings, in the order groups are shown. */
export const STATE_TITLES: Record<SepState, string> = {
  proposal: 'Proposal',
  draft: 'Draft',
  'in-review': 'In Review',
  accepted: 'Accepted',
  final: 'Final',
  dormant: 'Dormant',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  superseded: 'Superseded',
  none: 'No state label',
};

/** A SEP as the sidebar shows and persists it: only plain values taken from the GitHub item. */
export interface SepItem {
  /** The issue or pull request number. */
  number: number;
  /** The SEP number written in the title (`SEP-2133: …`), when there is one. */
  sepNumber?: number;
  /** The title without its `SEP-n:` prefix. */
  title: string;
  kind: 'pull' | 'issue';
  state: SepState;
  labels: string[];
  author?: string;
  /** Assignees: the sponsor once there is one. */
  assignees: string[];
  createdAt: string;
  updatedAt: string;
  /** The item's page on GitHub. */
  url: string;
}

/** Why a SEP is flagged as stale. */
export interface StaleMarker {
  reason: 'author-ping' | 'dormant-candidate' | 'sponsor-ping' | 'reference-implementation';
  /** Whole days since the last update. */
  days: number;
  /** Short text for the description, e.g. "author ping due". */
  text: string;
  /** The rule that applies, for the tooltip. */
  rule: string;
}

const DAY_MS = 86_400_000;
const TITLE_SEP = /^SEP\b/;
const TITLE_NUMBER = /^SEP[-\s]?(\d+)\b/;
const TITLE_PREFIX = /^SEP(?:[-\s]?\d+)?\s*[:\-–—]?\s*/;

/** A label's name, whether GitHub sent an object or a string. */
function labelName(label: GitHubIssue['labels'][number]): string {
  return typeof label === 'string' ? label : label.name;
}

function normalize(label: string): string {
  return label.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** True for an item carrying the `SEP` label or whose title starts with `SEP`. */
export function isSep(issue: Pick<GitHubIssue, 'title' | 'labels'>): boolean {
  return issue.labels.some((l) => normalize(labelName(l)) === 'sep') || TITLE_SEP.test(issue.title.trim());
}

/** The lifecycle state from labels; the latest stage wins when several are present. */
export function sepState(labels: readonly string[]): SepState {
  let best = -1;
  for (const label of labels) best = Math.max(best, (SEP_STATES as readonly string[]).indexOf(normalize(label)));
  return best >= 0 ? SEP_STATES[best] : 'none';
}

/** The SEP number written at the start of a title, if any. */
export function titleNumber(title: string): number | undefined {
  const match = TITLE_NUMBER.exec(title.trim());
  return match ? Number(match[1]) : undefined;
}

/** The title without its `SEP-n:` / `SEP-n -` / `SEP:` prefix (unchanged when that would leave nothing). */
export function bareTitle(title: string): string {
  const trimmed = title.trim();
  if (!TITLE_SEP.test(trimmed)) return trimmed;
  return trimmed.replace(TITLE_PREFIX, '').trim() || trimmed;
}

/** Converts a GitHub issue/PR into a {@link SepItem}; undefined when it is not a SEP. */
export function toSepItem(issue: GitHubIssue): SepItem | undefined {
  if (!isSep(issue)) return undefined;
  const labels = issue.labels.map(labelName);
  return {
    number: issue.number,
    sepNumber: titleNumber(issue.title),
    title: bareTitle(issue.title),
    kind: issue.pull_request ? 'pull' : 'issue',
    state: sepState(labels),
    labels,
    author: issue.user?.login,
    assignees: (issue.assignees ?? []).map((a) => a.login),
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    url: issue.html_url,
  };
}

/** `SEP-<n>: <title>` with the number from the title, else `#<issue number>: <title>`. */
export function sepLabel(item: SepItem): string {
  return `${item.sepNumber !== undefined ? `SEP-${item.sepNumber}` : `#${item.number}`}: ${item.title}`;
}

/** Whole days since `iso` at `now` (0 for future or unparsable dates). */
export function daysSince(iso: string, now: number): number {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? Math.max(0, Math.floor((now - t) / DAY_MS)) : 0;
}

/**
 * The staleness rules of the maintainers' bot: proposal inactive ≥ 90 days → author ping due,
 * ≥ 180 days → dormant candidate; draft ≥ 90 days → sponsor ping due; accepted ≥ 30 days →
 * reference implementation due.
 */
export function staleMarker(item: Pick<SepItem, 'state' | 'updatedAt'>, now: number): StaleMarker | undefined {
  const days = daysSince(item.updatedAt, now);
  if (item.state === 'proposal' && days >= 180) {
    return { reason: 'dormant-candidate', days, text: 'dormant candidate', rule: 'proposals without activity for 180 days may be closed as dormant' };
  }
  if (item.state === 'proposal' && days >= 90) {
    return { reason: 'author-ping', days, text: 'author ping due', rule: 'proposals without activity for 90 days get a ping to the author' };
  }
  if (item.state === 'draft' && days >= 90) {
    return { reason: 'sponsor-ping', days, text: 'sponsor ping due', rule: 'drafts without activity for 90 days get a ping to the sponsor' };
  }
  if (item.state === 'accepted' && days >= 30) {
    return { reason: 'reference-implementation', days, text: 'reference implementation due', rule: 'accepted SEPs need their reference implementation; 30 days without activity' };
  }
  return undefined;
}

/** A state group: its SEPs, most recently updated first. */
export interface SepGroup {
  state: SepState;
  title: string;
  items: SepItem[];
}

/** Groups SEPs by state in lifecycle order (`No state label` last), omitting empty groups. */
export function groupSeps(items: readonly SepItem[]): SepGroup[] {
  const order: SepState[] = [...SEP_STATES, 'none'];
  return order
    .map((state) => ({
      state,
      title: STATE_TITLES[state],
      items: items.filter((i) => i.state === state).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.number - a.number),
    }))
    .filter((g) => g.items.length > 0);
}
