import { lint, parseSep, type Finding } from '../../../server/src/sep';
import { applyEdits, fixesFor } from '../../../server/src/sep/fixes';

export const TODAY = '2026-03-04';

/** Lines joined with `\n` (keeps expected texts readable). */
export const md = (...lines: string[]): string => lines.join('\n');

/** Findings of one rule on a text. */
export function findingsOf(text: string, rule: string, fileName = '0000-example.md'): Finding[] {
  return lint(parseSep(text, { fileName }), { today: TODAY }).filter((f) => f.rule === rule);
}

/**
 * Applies the quick fix titled `title` (or the first) offered for the first
 * finding of `rule`, and returns the new text. Fails when there is none.
 */
export function quickFix(text: string, rule: string, opts: { title?: string; fileName?: string; nth?: number } = {}): string {
  const fileName = opts.fileName ?? '0000-example.md';
  const finding = findingsOf(text, rule, fileName)[opts.nth ?? 0];
  if (!finding) throw new Error(`no ${rule} finding`);
  const fixes = fixesFor(finding, { today: TODAY });
  const fix = opts.title ? fixes.find((f) => f.title === opts.title) : fixes[0];
  if (!fix) throw new Error(`no fix "${opts.title ?? ''}" for ${rule}; offered: ${fixes.map((f) => f.title).join(', ')}`);
  return applyEdits(text, fix.edits);
}

/** Titles of the fixes offered for the first finding of `rule`. */
export function fixTitles(text: string, rule: string, fileName = '0000-example.md'): string[] {
  const finding = findingsOf(text, rule, fileName)[0];
  return finding ? fixesFor(finding, { today: TODAY }).map((f) => f.title) : [];
}

/** A complete, valid SEP in our own words; tests cut pieces out of it. */
export const HEADER = [
  '- **Status**: Draft',
  '- **Type**: Standards Track',
  '- **Created**: 2026-01-15',
  '- **Author(s)**: Ada Example <ada@example.org> (@ada-example)',
  '- **Sponsor**: @sponsor-one',
  '- **PR**: #4242',
];

export const BODIES: Record<string, string> = {
  Abstract: 'Clients can ask servers for a weather report.',
  Motivation: 'Nobody knows whether it will rain.',
  Specification: 'A server MUST answer `weather/get` with a forecast.',
  Rationale: 'A single method keeps it small.',
  'Backward Compatibility': 'Nothing breaks: the method is new.',
  'Security Implications': 'Forecasts are public; nothing secret is sent.',
  'Reference Implementation': 'See https://github.com/example/weather-mcp/pull/1.',
};

/** The SEP with the given sections (default: all, in order). */
export function sep(sections: string[] = Object.keys(BODIES), header: string[] = HEADER, title = '# SEP-4242: Weather reports'): string {
  const parts = [title, '', ...header, ''];
  for (const s of sections) parts.push(`## ${s}`, '', BODIES[s] ?? 'Text.', '');
  return parts.join('\n');
}
