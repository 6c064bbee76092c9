import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type CompletionParams,
  type DefinitionParams,
  type DocumentLink,
  type DocumentLinkParams,
  type Hover,
  type HoverParams,
  type Location,
} from 'vscode-languageserver';
import { completeAt, type CompletionData } from '../sep/completion';
import { hoverAt } from '../sep/hover';
import { sepAt, sepLinks } from '../sep/links';
import type { FeatureEnv } from './env';

const KINDS: Record<CompletionData['kind'], CompletionItemKind> = {
  field: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  date: CompletionItemKind.Constant,
  section: CompletionItemKind.Module,
  sep: CompletionItemKind.Reference,
  person: CompletionItemKind.Value,
};

/** Completion: the engine's proposals at the cursor as LSP items. */
export function completion(env: FeatureEnv, params: CompletionParams): CompletionItem[] {
  const ctx = env.documentContext(params.textDocument.uri);
  if (!ctx) return [];
  const { line, character } = params.position;
  const linePrefix = ctx.document.getText({ start: { line, character: 0 }, end: params.position }).slice(0, character);
  // The SEP being written is not a SEP it would refer to.
  const workspace = { ...ctx.workspace, seps: ctx.workspace.seps.filter((s) => s.location !== ctx.uri) };
  return completeAt(ctx.doc, { linePrefix, position: params.position, today: env.today(), workspace }).map((d) => ({
    label: d.label,
    kind: KINDS[d.kind],
    detail: d.detail,
    documentation: d.documentation ? { kind: MarkupKind.Markdown, value: d.documentation } : undefined,
    textEdit: { range: d.range, newText: d.insertText },
    filterText: d.filterText,
    sortText: d.sortText,
  }));
}

/** Hover: the engine's explanation of a field, section or SEP reference. */
export function hover(env: FeatureEnv, params: HoverParams): Hover | null {
  const ctx = env.documentContext(params.textDocument.uri);
  const info = ctx && hoverAt(ctx.doc, params.position, ctx.workspace, env.conformance());
  return info ? { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: info.range } : null;
}

/** Document links from `SEP-N` mentions and relative SEP file links to the workspace files. */
export function documentLinks(env: FeatureEnv, params: DocumentLinkParams): DocumentLink[] {
  const ctx = env.documentContext(params.textDocument.uri);
  if (!ctx) return [];
  return sepLinks(ctx.doc, ctx.workspace).map((l) => ({ range: l.range, target: l.target.location, tooltip: `SEP-${l.target.number}: ${l.target.title}` }));
}

/** Go to definition on a `SEP-N` mention or SEP file link: the start of that SEP's file. */
export function definition(env: FeatureEnv, params: DefinitionParams): Location | null {
  const ctx = env.documentContext(params.textDocument.uri);
  const target = ctx && sepAt(ctx.doc, params.position, ctx.workspace);
  return target ? { uri: target.location, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } : null;
}
