import assert from 'node:assert/strict';
import { lint } from '../../../server/src/sep/lint';
import { parseSep } from '../../../server/src/sep/parse';
import { ruleById } from '../../../server/src/sep/rules/registry';
import type { Finding, Fix } from '../../../server/src/sep/rules/types';
import type { Range } from '../../../server/src/sep/types';

/** Our own short prose for each standard section, enough to count as content. */
export const BODIES: Record<string, string> = {
  Abstract: 'Adds a ping timeout to the widget protocol.',
  Motivation: 'Clients hang forever when a server stops answering pings.',
  Specification: 'Servers MUST answer a ping within 30 seconds.',
  Rationale: 'A fixed timeout is simpler than a negotiated one.',
  'Backward Compatibility': 'Old clients ignore the new field; nothing breaks.',
  'Security Implications': 'None: the timeout only shortens waits.',
  'Reference Implementation': 'See [the prototype](https://example.test/widget/pull/7).',
};

export const ORDER = Object.keys(BODIES);

export interface SepOptions {
  status?: string;
  type?: string;
  created?: string;
  /** Extra header bullets, e.g. `- **Superseded-By**: SEP-9`. */
  extraHeader?: string[];
  /** The markdown after the header; defaults to all seven sections. */
  body?: string;
}

/** A whole SEP written by us: title (line 0), header bullets (lines 2..), then the body. */
export function sepText(o: SepOptions = {}): string {
  const header = [
    `- **Status**: ${o.status ?? 'Draft'}`,
    `- **Type**: ${o.type ?? 'Standards Track'}`,
    `- **Created**: ${o.created ?? '2026-05-01'}`,
    '- **Author(s)**: Ada Example <ada@example.test> (@ada-example)',
    '- **Sponsor**: @sponsor-example',
    '- **PR**: #4242',
    ...(o.extraHeader ?? []),
  ];
  return ['# SEP-4242: Widget Ping Timeout', '', ...header, '', o.body ?? sections()].join('\n');
}

/** Markdown for the standard sections: `names` in that order, with `overrides` replacing bodies or headings. */
export function sections(names: readonly string[] = ORDER, overrides: Record<string, string> = {}): string {
  return names.map((n) => overrides[n] ?? `## ${n}\n\n${BODIES[n] ?? 'Some text of ours.'}\n`).join('\n');
}

/** Runs one registered rule over a text. */
export function run(id: string, text: string, fileName = '4242-widget-ping-timeout.md'): Finding[] {
  const rule = ruleById(id);
  assert.ok(rule, `rule ${id} is not registered`);
  return lint(parseSep(text, { fileName }), { ruleSet: [rule], today: '2026-11-25' });
}

/** The line number (0-based) of the first line equal to `line`. */
export function lineOf(text: string, line: string): number {
  const i = text.split('\n').indexOf(line);
  assert.notEqual(i, -1, `no line ${JSON.stringify(line)}`);
  return i;
}

export function range(line: number, from: number, toLine: number, to: number): Range {
  return { start: { line, character: from }, end: { line: toLine, character: to } };
}

/** Applies a fix's edits to the text (ranges refer to the original text). */
export function applyFix(text: string, fix: Fix): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const off = (p: { line: number; character: number }) => starts[p.line] + p.character;
  const edits = fix.edits.map((e) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of edits) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}
