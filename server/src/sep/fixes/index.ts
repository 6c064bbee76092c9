/**
 * The fix engine: quick fixes keyed by rule id, computed from the document
 * model as plain text edits, and fix-all. No editor, protocol or file-system imports.
 */

import { lint, type LintOptions } from '../lint';
import { IncrementalMarkdownParser } from '../markdown';
import { parseSep } from '../parse';
import type { Finding, Fix } from '../rules/types';
import type { SepDocument } from '../types';
import { STATUSES, TYPES } from '../vocabulary';
import { findSep, type WorkspaceIndex } from '../workspace';
import { splitLines } from '../text';
import { applyEdits, editSpans, spansConflict } from './edits';
import { addFieldFix, addHeaderFix, fieldAt, fieldByKeyIn, fieldPlaceholder, reorderFieldsFix, replaceValueFix } from './header';
import { addAllSectionsFix, addSectionFix, missingSections } from './sections';
import { headingAt, headingLevelFix, renameSectionFix, reorderSectionsFix } from './structure';
import { addTitleFix, fileNumber, normalizeTitleFix, prNumber, prNumberFix, titleNumberFix } from './title';

export { applyEdits } from './edits';
export { renamedFileName } from './title';

/** Facts fixes need besides the document. */
export interface FixContext {
  /** Today as `YYYY-MM-DD` (the Created placeholder). */
  today: string;
  workspace?: WorkspaceIndex;
}

type FixMaker = (doc: SepDocument, f: Finding, ctx: FixContext) => (Fix | undefined)[];

const FIELD_MISSING: FixMaker = (doc, f, ctx) => [addFieldFix(doc, String(f.data?.field ?? /^field-(.+)-missing$/.exec(f.rule)?.[1]), ctx.today)];
const NUMBER_PAIR: FixMaker = (doc) => {
  const title = doc.title?.number;
  const pr = prNumber(doc);
  return [pr ? titleNumberFix(doc, pr, 'the PR number', false) : undefined, title && /^\d+$/.test(title) ? prNumberFix(doc, title) : undefined];
};
const choices = (values: readonly { value: string }[]): FixMaker => (doc, f) => {
  const field = fieldAt(doc, f.range.start.line);
  return field ? values.map((v) => replaceValueFix(field, v.value, false)) : [];
};

/** Fixes the engine computes from the document, keyed by rule id (rules may add their own in `Finding.fixes`). */
const ENGINE_FIXES: Record<string, FixMaker> = {
  'title-missing': (doc) => [addTitleFix(doc)],
  'title-malformed': (doc) => [normalizeTitleFix(doc)],
  'title-file-number-mismatch': (doc) => {
    const n = fileNumber(doc);
    const pr = prNumber(doc);
    // When the PR agrees with the title, the file name is the odd one out: renaming the file (an editor action) is the fix.
    if (!n || Number(n) === 0 || (pr && Number(pr) === Number(doc.title?.number))) return [];
    return [titleNumberFix(doc, n, "the file's number", false)];
  },
  'title-pr-number-mismatch': NUMBER_PAIR,
  'pr-number-mismatch': (doc) => {
    const n = fileNumber(doc);
    return [n && Number(n) !== 0 ? prNumberFix(doc, String(Number(n))) : undefined];
  },
  'header-missing': (doc, _f, ctx) => [addHeaderFix(doc, ctx.today)],
  'field-status-missing': FIELD_MISSING,
  'field-type-missing': FIELD_MISSING,
  'field-created-missing': FIELD_MISSING,
  'field-authors-missing': FIELD_MISSING,
  'field-sponsor-missing': FIELD_MISSING,
  'field-pr-missing': FIELD_MISSING,
  'field-issue-instead-of-pr': (doc, _f, ctx) => (fieldByKeyIn(doc, 'pr') ? [] : [{ ...addFieldFix(doc, 'pr', ctx.today)!, auto: false }]),
  'field-order': (doc) => [reorderFieldsFix(doc)],
  'field-empty': (doc, f, ctx) => {
    const field = fieldAt(doc, f.range.start.line);
    const value = field?.key ? fieldPlaceholder(field.key, ctx.today) : '';
    if (!field || !value) return [];
    const glued = field.valueRange.start.character > 0 && !/\s/.test(splitLines(doc.text)[field.valueRange.start.line][field.valueRange.start.character - 1]);
    return [{ ...replaceValueFix(field, (glued ? ' ' : '') + value, false), title: `Fill in a placeholder: "${value}"` }];
  },
  'field-placeholder': (doc, f, ctx) => {
    const field = fieldAt(doc, f.range.start.line);
    if (field?.key === 'created') return [replaceValueFix(field, ctx.today, false)];
    if (field?.key === 'status') return choices(STATUSES)(doc, f, ctx);
    if (field?.key === 'type') return choices(TYPES)(doc, f, ctx);
    return [];
  },
  'status-invalid': choices(STATUSES),
  'type-invalid': choices(TYPES),
  'created-future': (doc, f, ctx) => {
    const field = fieldAt(doc, f.range.start.line);
    return field ? [replaceValueFix(field, ctx.today, false)] : [];
  },
  'section-missing': (doc, f) => {
    const name = String(f.data?.section ?? '');
    return [addSectionFix(doc, name), addAllSectionsFix(doc, missingSections(doc))];
  },
  'section-order': (doc) => [reorderSectionsFix(doc)],
  'section-near-miss': (doc, f) => {
    const h = headingAt(doc, f.range.start.line);
    return h ? [renameSectionFix(h, typeof f.data?.expected === 'string' ? f.data.expected : undefined)] : [];
  },
  'section-heading-level': (doc, f) => {
    const h = headingAt(doc, f.range.start.line);
    return h ? [headingLevelFix(doc, h)] : [];
  },
  'sep-reference-unlinked': (doc, f, ctx) => {
    const m = doc.mentions.find((x) => x.range.start.line === f.range.start.line && x.range.start.character === f.range.start.character);
    if (!m) return [];
    const n = String(Number(m.number));
    const target = ctx.workspace ? findSep(ctx.workspace, n) : undefined;
    // SEP numbers are pull-request (or, for older SEPs, issue) numbers; GitHub redirects between the two.
    const pr = `https://github.com/modelcontextprotocol/modelcontextprotocol/pull/${n}`;
    const link = (title: string, url: string): Fix => ({ title, edits: [{ range: m.range, newText: `[SEP-${m.number}](${url})` }], auto: false });
    return [target ? link(`Link to ${target.fileName}`, `./${target.fileName}`) : undefined, link(`Link to pull request #${n} on GitHub`, pr)];
  },
  'unclosed-code-fence': (doc, f) => {
    const line = splitLines(doc.text)[f.range.start.line] ?? '';
    const fence = /^\s*(`{3,}|~{3,})/.exec(line)?.[1] ?? '```';
    const end = { line: doc.lineCount - 1, character: (splitLines(doc.text).pop() ?? '').length };
    const lead = /[\r\n]$/.test(doc.text) ? '' : doc.eol;
    return [{ title: 'Close the code block at the end of the document', edits: [{ range: { start: end, end }, newText: `${lead}${fence}${doc.eol}` }], auto: false }];
  },
};

/** Rule ids the engine can fix from the document alone (besides fixes rules attach themselves). */
export const ENGINE_FIXABLE: readonly string[] = Object.keys(ENGINE_FIXES);

/**
 * Every fix on offer for one finding: the rule's own first, then the
 * engine's for its rule id (unless one does what the rule's own does), else a generic "change to the expected value"
 * when the finding names one. Titles are unique.
 */
export function fixesFor(doc: SepDocument, finding: Finding, ctx: FixContext): Fix[] {
  const own = finding.fixes ?? [];
  const out: Fix[] = [...own];
  const maker = ENGINE_FIXES[finding.rule];
  const sameAsOwn = (x: Fix) => own.some((o) => JSON.stringify(o.edits) === JSON.stringify(x.edits));
  if (maker) out.push(...maker(doc, finding, ctx).filter((x): x is Fix => x !== undefined && x.edits.length > 0 && !sameAsOwn(x)));
  const expected = finding.data?.expected;
  if (typeof expected === 'string' && out.length === 0) {
    const field = fieldAt(doc, finding.range.start.line);
    const heading = headingAt(doc, finding.range.start.line);
    if (field && field.value !== expected) out.push(replaceValueFix(field, expected));
    else if (heading && !field) {
      const fix = renameSectionFix(heading, expected);
      if (fix) out.push(fix);
    }
  }
  const seen = new Set<string>();
  return out.filter((x) => !seen.has(x.title) && seen.add(x.title));
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
 * Applies every automatic fix, pass after pass, until the text stops changing.
 * Within a pass, fixes whose edits would touch the same text wait for the next.
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
      const fix = fixesFor(doc, f, ctx).find((x) => x.auto);
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
