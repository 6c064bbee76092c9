import assert from 'node:assert/strict';
import { lint } from '../../../server/src/sep/lint';
import { parseSep } from '../../../server/src/sep/parse';
import { ruleById } from '../../../server/src/sep/rules/registry';
import type { Finding, Fix } from '../../../server/src/sep/rules/types';
import { fixesFor } from '../../../server/src/sep/fixes';
import type { Range } from '../../../server/src/sep/types';

/** Header fields of a well-formed SEP of ours, in template order. */
export const GOOD_FIELDS: readonly [string, string][] = [
  ['Status', 'Draft'],
  ['Type', 'Standards Track'],
  ['Created', '2026-03-14'],
  ['Author(s)', 'Grace Sample <grace@example.test> (@grace-sample), Tom Tester (@tomtester)'],
  ['Sponsor', '@kind-maintainer'],
  ['PR', '#5150'],
];

export const GOOD_TITLE = '# SEP-5150: Lantern Negotiation';
export const GOOD_FILE = '5150-lantern-negotiation.md';
export const TODAY = '2026-11-25';

export interface DocOptions {
  /** The title line; `null` leaves it out. */
  title?: string | null;
  /** Replace (value), drop (`null`) or add fields by name; added ones go last. */
  set?: Record<string, string | null>;
  /** Exact header lines, instead of bullets built from the fields. */
  headerLines?: string[];
  /** Markdown after the header. */
  body?: string;
}

/** A SEP written by us: title on line 0, a blank line, header bullets from line 2, a blank line, the body. */
export function doc(o: DocOptions = {}): string {
  const fields: [string, string][] = GOOD_FIELDS.map(([n, v]) => [n, v]);
  for (const [name, value] of Object.entries(o.set ?? {})) {
    const at = fields.findIndex(([n]) => n === name);
    if (value === null) {
      if (at !== -1) fields.splice(at, 1);
    } else if (at !== -1) fields[at][1] = value;
    else fields.push([name, value]);
  }
  const header = o.headerLines ?? fields.map(([n, v]) => `- **${n}**:${v === '' ? '' : ` ${v}`}`);
  const title = o.title === undefined ? [GOOD_TITLE, ''] : o.title === null ? [] : [o.title, ''];
  const body = o.body ?? '## Abstract\n\nLanterns agree on a colour before they light up.\n';
  return [...title, ...header, '', body].join('\n');
}

/** Runs registered rules by id over a text. `fileName` null: the file name is unknown (an unsaved buffer). */
export function run(ids: string | string[], text: string, fileName: string | null = GOOD_FILE, today = TODAY): Finding[] {
  const rules = (Array.isArray(ids) ? ids : [ids]).map((id) => {
    const rule = ruleById(id);
    assert.ok(rule, `rule ${id} is not registered`);
    return rule;
  });
  return lint(parseSep(text, { fileName: fileName ?? undefined }), { ruleSet: rules, today });
}

/** Runs one rule and asserts it reports exactly once; returns that finding. */
export function one(id: string, text: string, fileName?: string | null, today?: string): Finding {
  const found = run(id, text, fileName, today);
  assert.equal(found.length, 1, `${id}: expected one finding, got ${JSON.stringify(found.map((f) => f.message))}`);
  assert.equal(found[0].rule, id);
  return found[0];
}

/** Asserts the rule reports nothing. */
export function none(id: string, text: string, fileName?: string | null, today?: string): void {
  assert.deepEqual(run(id, text, fileName, today).map((f) => f.message), [], `${id} should stay quiet`);
}

export function range(line: number, from: number, toLine: number, to: number): Range {
  return { start: { line, character: from }, end: { line: toLine, character: to } };
}

/** Range of the `nth` (0-based) occurrence of `needle` in `text`, counted independently of the engine. */
export function rangeOf(text: string, needle: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `${JSON.stringify(needle)} occurs fewer than ${nth + 1} times`);
  }
  const pos = (o: number) => {
    const before = text.slice(0, o);
    const line = before.split('\n').length - 1;
    return { line, character: o - (before.lastIndexOf('\n') + 1) };
  };
  return { start: pos(at), end: pos(at + needle.length) };
}

/** Applies text edits given in LSP positions (all relative to the original text). */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const off = (p: { line: number; character: number }) => starts[p.line] + p.character;
  const sorted = edits.map((e) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

/** The fixes a finding offers, computed as a code action would (today is {@link TODAY}). */
export function fixesOf(finding: Finding): Fix[] {
  return fixesFor(finding, { today: TODAY });
}

/** The finding's only fix, applied; asserts the fix's title. */
export function fixed(text: string, finding: Finding, title: string | RegExp): string {
  const fixes = fixesOf(finding);
  assert.equal(fixes.length, 1, `${finding.rule}: expected one fix`);
  const fix: Fix = fixes[0];
  if (typeof title === 'string') assert.equal(fix.title, title);
  else assert.match(fix.title, title);
  return applyEdits(text, fix.edits);
}

/** The text with line `n` (0-based) replaced: what a fix that edits only that line must produce. */
export function withLine(text: string, n: number, line: string): string {
  const lines = text.split('\n');
  assert.ok(n < lines.length, `no line ${n}`);
  lines[n] = line;
  return lines.join('\n');
}
