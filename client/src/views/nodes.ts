/**
 * The tree's shape as plain data: what each row says and does. The adapter maps these 1:1 onto
 * `vscode.TreeItem`s, so everything a user reads is decided (and tested) here.
 */
import { clock, relativeTime, sepDescription, sepTooltip } from './format';
import type { SidebarModel } from './model';
import { groupSeps, sepLabel, staleMarker, type SepGroup, type SepItem, type SepState } from './seps';

/** A failed refresh: click to retry. */
export interface ProblemNode {
  type: 'problem';
  id: string;
  label: string;
  offerSignIn: boolean;
}

/** An action row (sign in) shown under a problem. */
export interface ActionNode {
  type: 'action';
  id: string;
  label: string;
  command: 'sep.sidebar.signIn';
}

/** "Showing the list fetched …" under a problem, so the kept list is not mistaken for fresh. */
export interface NoticeNode {
  type: 'notice';
  id: string;
  label: string;
}

/** A state group with its count. */
export interface GroupNode {
  type: 'group';
  id: string;
  state: SepState;
  label: string;
  description: string;
  group: SepGroup;
}

/** One SEP. */
export interface SepNode {
  type: 'sep';
  id: string;
  item: SepItem;
  label: string;
  description: string;
  tooltip: string;
  stale: boolean;
}

export type SidebarNode = ProblemNode | ActionNode | NoticeNode | GroupNode | SepNode;

/** The top-level rows: notices about ignored settings, the problem (+ sign in, + notice), then the state groups of the last good list. */
export function rootNodes(model: SidebarModel): SidebarNode[] {
  const nodes: SidebarNode[] = model.notices.map((label, i): NoticeNode => ({ type: 'notice', id: `notice:setting:${i}`, label }));
  const problem = model.problem;
  if (problem) {
    nodes.push({ type: 'problem', id: 'problem', label: problem.message, offerSignIn: problem.offerSignIn });
    if (problem.offerSignIn) nodes.push({ type: 'action', id: 'action:signIn', label: 'Sign in to GitHub', command: 'sep.sidebar.signIn' });
    const fetchedAt = model.fetchedAt;
    if (fetchedAt) nodes.push({ type: 'notice', id: 'notice:stale', label: `Showing the list fetched ${relativeTime(fetchedAt.toISOString(), model.time())} (${clock(fetchedAt)})` });
  }
  for (const group of groupSeps(model.items ?? [])) {
    nodes.push({ type: 'group', id: `group:${group.state}`, state: group.state, label: group.title, description: String(group.items.length), group });
  }
  return nodes;
}

/** The conformance line of a SEP's tooltip, by SEP number (undefined: none). */
export type ConformanceLookup = (sep: number) => string | undefined;

/** The SEP rows of a group (other rows have no children); `conformance` adds each SEP's conformance line to its tooltip. */
export function childNodes(node: SidebarNode, now: number, conformance?: ConformanceLookup): SepNode[] {
  if (node.type !== 'group') return [];
  return node.group.items.map((item) => ({
    type: 'sep',
    id: `sep:${item.number}`,
    item,
    label: sepLabel(item),
    description: sepDescription(item, now),
    tooltip: sepTooltip(item, now, conformance?.(item.sepNumber ?? item.number)),
    stale: staleMarker(item, now) !== undefined,
  }));
}

/** A line for the view's header: "fetched 3 minutes ago (14:05)", or nothing before the first list. */
export function fetchedText(model: SidebarModel): string | undefined {
  const at = model.fetchedAt;
  return at ? `fetched ${relativeTime(at.toISOString(), model.time())} (${clock(at)})` : undefined;
}

/** The line above the tree when the list is current: "12 open SEPs · fetched 3 minutes ago (14:05)". */
export function statusLine(model: SidebarModel): string | undefined {
  const items = model.items;
  const fetched = fetchedText(model);
  if (model.problem || !items?.length || !fetched) return undefined;
  return `${items.length} open SEP${items.length === 1 ? '' : 's'} · ${fetched}`;
}

/** A plain snapshot of the tree (what `sep.sidebar.refresh` returns, for integration tests and scripts). */
export interface SidebarSnapshot {
  repository: string;
  fetchedAt?: string;
  problem?: string;
  groups: Array<{ state: SepState; label: string; count: number; items: Array<{ number: number; label: string; description: string; kind: 'pull' | 'issue' }> }>;
}

/** Builds a {@link SidebarSnapshot} of the model as the tree shows it. */
export function snapshot(model: SidebarModel): SidebarSnapshot {
  const now = model.time();
  const groups = rootNodes(model)
    .filter((n): n is GroupNode => n.type === 'group')
    .map((g) => ({
      state: g.state,
      label: g.label,
      count: g.group.items.length,
      items: childNodes(g, now).map((s) => ({ number: s.item.number, label: s.label, description: s.description, kind: s.item.kind })),
    }));
  return { repository: model.repository, fetchedAt: model.fetchedAt?.toISOString(), problem: model.problem?.message, groups };
}
