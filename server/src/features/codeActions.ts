import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { fixesFor } from '../sep/fixes';
import type { Fix } from '../sep';
import { DIAGNOSTIC_SOURCE, findingOf } from '../diagnostics';
import { computeFixAll } from './fixAll';
import type { DocumentContext, FeatureEnv } from './env';

/** The kind of the fix-all source action (`editor.codeActionsOnSave: { "source.fixAll.sep": "explicit" }`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.sep`;

const wants = (only: string[] | undefined, kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));

/**
 * Quick fixes for the SEP diagnostics in the request, each tied to the exact finding its diagnostic renders,
 * plus the fix-all source action when asked for.
 */
export function codeActions(env: FeatureEnv, params: CodeActionParams): CodeAction[] {
  const ctx = env.documentContext(params.textDocument.uri);
  if (!ctx) return [];
  const only = params.context.only;
  const actions = wants(only, CodeActionKind.QuickFix) ? quickFixes(env, ctx, params.context.diagnostics) : [];
  if (only && wants(only, FIX_ALL_KIND)) {
    const { edits } = computeFixAll(ctx.document, ctx.fileName, { rules: env.rules(ctx.uri), today: env.today(), workspace: ctx.workspace });
    if (edits.length) actions.push({ title: 'Fix all certain SEP problems', kind: FIX_ALL_KIND, edit: { changes: { [ctx.uri]: edits } } });
  }
  return actions;
}

/**
 * One action per fix title; a fix several diagnostics share ("Add all missing sections") is one action listing
 * them all. Certain fixes come first and the first of them is preferred; suggestions are never preferred.
 */
function quickFixes(env: FeatureEnv, ctx: DocumentContext, diagnostics: Diagnostic[]): CodeAction[] {
  const byTitle = new Map<string, CodeAction>();
  const fixCtx = { today: env.today(), workspace: ctx.workspace };
  let preferred = false;
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string') continue;
    const finding = findingOf(ctx.analysis.findings, d);
    if (!finding) continue;
    for (const fix of fixesFor(finding, fixCtx)) {
      const seen = byTitle.get(fix.title);
      if (seen) {
        seen.diagnostics!.push(d);
        continue;
      }
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: workspaceEdit(ctx, fix) };
      if (fix.kind === 'certain' && !preferred) preferred = action.isPreferred = true;
      byTitle.set(fix.title, action);
    }
  }
  return [...byTitle.values()];
}

/** A fix as a workspace edit: its text edits, then its file rename (the open editor follows the rename). */
function workspaceEdit(ctx: DocumentContext, fix: Fix): WorkspaceEdit {
  if (fix.renameTo === undefined) return { changes: { [ctx.uri]: fix.edits } };
  const newUri = ctx.uri.slice(0, ctx.uri.lastIndexOf('/') + 1) + encodeURIComponent(fix.renameTo);
  return {
    documentChanges: [
      ...(fix.edits.length ? [{ textDocument: { uri: ctx.uri, version: ctx.document.version }, edits: fix.edits }] : []),
      { kind: 'rename' as const, oldUri: ctx.uri, newUri },
    ],
  };
}
