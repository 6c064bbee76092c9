import { RequestType, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll } from '../sep/fixes';
import type { WorkspaceIndex } from '../sep/workspace';
import type { SeverityOverride } from '../sep';

/** Parameters of the `sep/fixAll` request the client's "SEP: Fix All Auto-fixable Problems" sends. */
export interface FixAllParams {
  textDocument: { uri: string };
}

/** The edits that apply every automatic fix, for the document version they were computed on. */
export interface FixAllResponse {
  version: number;
  edits: TextEdit[];
  /** How many fixes were applied. */
  applied: number;
}

export const FixAllRequest = new RequestType<FixAllParams, FixAllResponse | null, void>('sep/fixAll');

/** Options the fix-all adapter needs from the server. */
export interface FixAllEnv {
  rules: Record<string, SeverityOverride>;
  today: string;
  workspace?: WorkspaceIndex;
}

/** Runs the engine's fix-all on a document and returns one minimal edit (or none). */
export function computeFixAll(document: TextDocument, fileName: string, env: FixAllEnv): { edits: TextEdit[]; applied: number } {
  const before = document.getText();
  const result = fixAll(before, { fileName, rules: env.rules, today: env.today, workspace: env.workspace });
  if (result.text === before) return { edits: [], applied: 0 };
  return { edits: [minimalEdit(document, before, result.text)], applied: result.applied.length };
}

/** One edit replacing only the span between the common prefix and suffix of two texts. */
export function minimalEdit(document: TextDocument, before: string, after: string): TextEdit {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before[p] === after[p]) p++;
  if (p > 0 && before[p - 1] === '\r') p--;
  let s = 0;
  while (s < max - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  if (s > 0 && before[before.length - s] === '\n' && before[before.length - s - 1] === '\r') s--;
  return {
    range: { start: document.positionAt(p), end: document.positionAt(before.length - s) },
    newText: after.slice(p, after.length - s),
  };
}
