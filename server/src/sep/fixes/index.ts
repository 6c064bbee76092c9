/**
 * Fixes as the engine's adapters see them: the fixes a finding carries (declared by its rule, computed on
 * demand) and fix-all, which applies the certain ones only. No editor, protocol or file-system imports.
 */

import { lint, type LintOptions } from '../lint';
import { IncrementalMarkdownParser } from '../markdown';
import { parseSep } from '../parse';
import type { Finding, Fix, FixContext } from '../rules/types';
import type { WorkspaceIndex } from '../workspace';
import { applyEdits, editSpans, spansConflict } from './edits';

export { applyEdits } from './edits';
export type { FixContext } from '../rules/types';

/**
 * Every fix on offer for one finding, computed now: those its rule declares, certain ones first,
 * without fixes that change nothing, and with unique titles.
 */
export function fixesFor(finding: Finding, ctx: FixContext): Fix[] {
  const made = (finding.fixes?.(ctx) ?? []).filter((x): x is Fix => x !== undefined && (x.edits.length > 0 || x.renameTo !== undefined));
  const seen = new Set<string>();
  const unique = made.filter((x) => !seen.has(x.title) && seen.add(x.title));
  return [...unique.filter((x) => x.kind === 'certain'), ...unique.filter((x) => x.kind !== 'certain')];
}

/** Options of {@link fixAll}: the lint options plus the file name and workspace. */
export interface FixAllOptions extends LintOptions {
  fileName?: string;
  workspace?: WorkspaceIndex;
  /** Upper bound on passes (each pass applies non-overlapping fixes, then re-checks). */
  maxPasses?: number;
}

/** What {@link fixAll} did. */
export interface FixAllResult {
  text: string;
  /** Titles of the fixes applied, by rule id, in the order applied. */
  applied: { rule: string; title: string }[];
  /** Findings left after the last pass. */
  remaining: Finding[];
}

/**
 * Applies every certain fix (text edits only; never a suggestion, never a file rename) of the findings that are
 * problems (not hints), pass after pass, until the text stops changing. Within a pass, fixes whose edits would touch the same text wait for the next.
 */
export function fixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  const ctx: FixContext = { today: options.today ?? new Date().toISOString().slice(0, 10), workspace: options.workspace };
  const applied: FixAllResult['applied'] = [];
  // Passes change little: the incremental parser re-parses only the chunks that changed.
  const parser = new IncrementalMarkdownParser();
  let current = text;
  for (let pass = 0; pass < (options.maxPasses ?? 25); pass++) {
    const doc = parseSep(current, { fileName: options.fileName, parser });
    const findings = lint(doc, { ...options, today: ctx.today });
    const taken: [number, number][] = [];
    const edits = [];
    for (const f of findings) {
      // A hint is not a problem (a Final SEP's historical form, what a draft's stage expects): fix-all leaves it.
      if (f.severity === 'hint') continue;
      const fix = fixesFor(f, ctx).find((x) => x.kind === 'certain' && x.renameTo === undefined);
      if (!fix) continue;
      const spans = editSpans(current, fix.edits);
      if (spans.some((s) => taken.some((t) => spansConflict(s, t)))) continue;
      taken.push(...spans);
      edits.push(...fix.edits);
      applied.push({ rule: f.rule, title: fix.title });
    }
    const next = edits.length ? applyEdits(current, edits) : current;
    if (next === current) return { text: current, applied, remaining: findings };
    current = next;
  }
  const doc = parseSep(current, { fileName: options.fileName, parser });
  return { text: current, applied, remaining: lint(doc, { ...options, today: ctx.today }) };
}
