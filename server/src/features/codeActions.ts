import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { fixesFor, renamedFileName } from '../sep/fixes';
import type { Finding } from '../sep';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import { computeFixAll } from './fixAll';
import type { DocumentContext, FeatureEnv } from './env';

/** The kind of the fix-all source action (`editor.codeActionsOnSave: { "source.fixAll.sep": "explicit" }`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.sep`;

const wants = (only: string[] | undefined, kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));

const sameRange = (d: Diagnostic, f: Finding): boolean =>
  d.range.start.line === f.range.start.line && d.range.start.character === f.range.start.character &&
  d.range.end.line === f.range.end.line && d.range.end.character === f.range.end.character;

/**
 * Quick fixes for the SEP diagnostics in the request, chosen by their code
 * (the rule id), plus the fix-all source action when asked for.
 */
export function codeActions(env: FeatureEnv, params: CodeActionParams): CodeAction[] {
  const ctx = env.documentContext(params.textDocument.uri);
  if (!ctx) return [];
  const only = params.context.only;
  const actions = wants(only, CodeActionKind.QuickFix) ? quickFixes(env, ctx, params.context.diagnostics) : [];
  if (only && wants(only, FIX_ALL_KIND)) {
    const { edits } = computeFixAll(ctx.document, ctx.fileName, { rules: env.rules(), today: env.today(), workspace: ctx.workspace });
    if (edits.length) actions.push({ title: 'Fix all auto-fixable SEP problems', kind: FIX_ALL_KIND, edit: { changes: { [ctx.uri]: edits } } });
  }
  return actions;
}

/** One action per fix title (an action shared by several diagnostics lists them all); the first automatic fix is preferred. */
function quickFixes(env: FeatureEnv, ctx: DocumentContext, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const byTitle = new Map<string, CodeAction>();
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string') continue;
    const finding = ctx.analysis.findings.find((f) => f.rule === d.code && sameRange(d, f));
    if (!finding) continue;
    let preferred = false;
    for (const fix of fixesFor(ctx.doc, finding, { today: env.today(), workspace: ctx.workspace })) {
      const seen = byTitle.get(fix.title);
      if (seen) {
        seen.diagnostics!.push(d);
        continue;
      }
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [ctx.uri]: fix.edits } } };
      if (fix.auto && !preferred) preferred = action.isPreferred = true;
      byTitle.set(fix.title, action);
      actions.push(action);
    }
    const rename = d.code === 'title-file-number-mismatch' ? renamedFileName(ctx.doc) : undefined;
    if (rename) {
      const newUri = ctx.uri.slice(0, ctx.uri.lastIndexOf('/') + 1) + encodeURIComponent(rename);
      actions.push({ title: `Rename the file to ${rename} (the title's number)`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { documentChanges: [{ kind: 'rename', oldUri: ctx.uri, newUri }] } });
    }
  }
  return actions;
}
