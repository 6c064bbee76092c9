/**
 * Text shown for SEP items: description, plain-text tooltip and relative times. Everything from GitHub
 * is used as plain text (tree labels, descriptions and string tooltips are never rendered as Markdown).
 */
import { sepLabel, staleMarker, STATE_TITLES, type SepItem } from './seps';

const UNITS: Array<[number, string]> = [
  [365 * 86_400_000, 'year'],
  [30 * 86_400_000, 'month'],
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
];

/** "just now", "5 minutes ago", "1 day ago", "3 months ago". */
export function relativeTime(iso: string, now: number): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return 'at an unknown time';
  const elapsed = Math.max(0, now - t);
  for (const [size, unit] of UNITS) {
    const n = Math.floor(elapsed / size);
    if (n >= 1) return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

/** `YYYY-MM-DD` of an ISO timestamp (UTC), or the text itself when unparsable. */
export function day(iso: string): string {
  return Number.isFinite(Date.parse(iso)) ? new Date(iso).toISOString().slice(0, 10) : iso;
}

/** Local `HH:MM` of a date. */
export function clock(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** `@author · updated 3 days ago`, plus the stale marker when one applies. */
export function sepDescription(item: SepItem, now: number): string {
  const parts = [`${item.author ? `@${item.author}` : 'unknown author'} · updated ${relativeTime(item.updatedAt, now)}`];
  const stale = staleMarker(item, now);
  if (stale) parts.push(`⚠ ${stale.text}`);
  return parts.join(' · ');
}

/**
 * The plain-text tooltip: title, kind and number, state, labels, assignees (sponsor), dates, staleness,
 * and `conformance` (the SEP's line from the conformance repository) when given.
 */
export function sepTooltip(item: SepItem, now: number, conformance?: string): string {
  const lines = [
    sepLabel(item),
    `${item.kind === 'pull' ? 'Pull request' : 'Issue'} #${item.number} · ${STATE_TITLES[item.state]}`,
    `Author: ${item.author ? `@${item.author}` : 'unknown'}`,
    `Sponsor (assignees): ${item.assignees.length ? item.assignees.map((a) => `@${a}`).join(', ') : 'none yet'}`,
    `Labels: ${item.labels.length ? item.labels.join(', ') : 'none'}`,
    `Created: ${day(item.createdAt)} (${relativeTime(item.createdAt, now)})`,
    `Updated: ${day(item.updatedAt)} (${relativeTime(item.updatedAt, now)})`,
  ];
  const stale = staleMarker(item, now);
  if (stale) lines.push(`Stale: no activity for ${stale.days} days, ${stale.text} (${stale.rule}).`);
  if (conformance) lines.push(conformance);
  return lines.join('\n');
}
