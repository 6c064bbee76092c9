/**
 * The last good list as it is kept across restarts: bounded when saved (a hostile or broken server
 * cannot fill the editor's storage) and checked again when read back (a stored value that is
 * malformed or over the bounds is dropped, never trusted). No editor imports.
 */
import { SEP_STATES, type SepItem } from './seps';

/** The list saved after each good refresh (no token, no raw GitHub payloads). */
export interface SavedList {
  repository: string;
  apiUrl: string;
  fetchedAt: string;
  items: SepItem[];
}

/** The bounds of a saved list. */
export const SAVED_LIMITS = {
  /** SEPs kept (the real repository has a few dozen open). */
  items: 500,
  title: 300,
  labels: 20,
  label: 50,
  people: 20,
  login: 64,
  url: 500,
  date: 40,
  setting: 500,
} as const;

const STATES: readonly string[] = [...SEP_STATES, 'none'];

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A copy of `item` within {@link SAVED_LIMITS} (long texts shortened, long lists cut), or undefined when it cannot be kept. */
export function boundItem(item: SepItem): SepItem | undefined {
  if (item.url.length > SAVED_LIMITS.url || item.createdAt.length > SAVED_LIMITS.date || item.updatedAt.length > SAVED_LIMITS.date) return undefined;
  const bounded: SepItem = {
    ...item,
    title: clip(item.title, SAVED_LIMITS.title),
    labels: item.labels.slice(0, SAVED_LIMITS.labels).map((l) => clip(l, SAVED_LIMITS.label)),
    assignees: item.assignees.slice(0, SAVED_LIMITS.people).map((a) => clip(a, SAVED_LIMITS.login)),
  };
  if (item.author !== undefined) bounded.author = clip(item.author, SAVED_LIMITS.login);
  return bounded;
}

/** At most {@link SAVED_LIMITS.items} items, each bounded. */
export function boundItems(items: readonly SepItem[]): SepItem[] {
  const out: SepItem[] = [];
  for (const item of items) {
    if (out.length >= SAVED_LIMITS.items) break;
    const bounded = boundItem(item);
    if (bounded) out.push(bounded);
  }
  return out;
}

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isStrings = (v: unknown, count: number, max: number): v is string[] =>
  Array.isArray(v) && v.length <= count && v.every((s) => isString(s, max));
const isDate = (v: unknown): v is string => isString(v, SAVED_LIMITS.date) && Number.isFinite(Date.parse(v));

function isSavedItem(v: unknown): v is SepItem {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const i = v as Record<string, unknown>;
  return (
    isCount(i.number) &&
    (i.sepNumber === undefined || isCount(i.sepNumber)) &&
    isString(i.title, SAVED_LIMITS.title) &&
    (i.kind === 'pull' || i.kind === 'issue') &&
    typeof i.state === 'string' &&
    STATES.includes(i.state) &&
    isStrings(i.labels, SAVED_LIMITS.labels, SAVED_LIMITS.label) &&
    (i.author === undefined || isString(i.author, SAVED_LIMITS.login)) &&
    isStrings(i.assignees, SAVED_LIMITS.people, SAVED_LIMITS.login) &&
    isDate(i.createdAt) &&
    isDate(i.updatedAt) &&
    isString(i.url, SAVED_LIMITS.url) &&
    /^https?:\/\//i.test(i.url)
  );
}

/** What reading the store found. */
export type SavedRead =
  | { kind: 'list'; list: SavedList }
  /** Nothing stored, or a good list for another repository or server. */
  | { kind: 'none' }
  /** A value that is malformed or over the bounds: drop it. */
  | { kind: 'bad' };

/** Checks a stored value: the list for `repository` at `apiUrl` when it is well-formed and within bounds. */
export function readSaved(value: unknown, repository: string, apiUrl: string): SavedRead {
  if (value === undefined || value === null) return { kind: 'none' };
  if (typeof value !== 'object' || Array.isArray(value)) return { kind: 'bad' };
  const saved = value as Partial<Record<keyof SavedList, unknown>>;
  if (!isString(saved.repository, SAVED_LIMITS.setting) || !isString(saved.apiUrl, SAVED_LIMITS.setting) || !isDate(saved.fetchedAt)) return { kind: 'bad' };
  if (!Array.isArray(saved.items) || saved.items.length > SAVED_LIMITS.items || !saved.items.every(isSavedItem)) return { kind: 'bad' };
  if (saved.repository !== repository || saved.apiUrl !== apiUrl) return { kind: 'none' };
  return { kind: 'list', list: { repository, apiUrl, fetchedAt: saved.fetchedAt, items: saved.items.map((i: SepItem) => ({ ...i })) } };
}
