/**
 * Answers for New SEP's prompts, shared by the suites that run it in different windows (one folder, several
 * folders, no folder): the title, Standards Track, an author line and no sponsor, and, when asked which
 * workspace folder, the one labelled `folder` (Escape when `folder` is undefined). Records each folder prompt.
 */
import * as vscode from 'vscode';
import type { InputAnswer, PickAnswer } from './helpers';

/** One "which workspace folder?" quick pick as New SEP showed it. */
export interface FolderPrompt {
  labels: string[];
  paths: (string | undefined)[];
}

/** The answers to pass to `withPrompts`, and the folder prompts seen so far. */
export function newSepAnswers(title: string, folder?: string): { input: InputAnswer; pick: PickAnswer; folderPrompts: FolderPrompt[] } {
  const folderPrompts: FolderPrompt[] = [];
  const label = (i: vscode.QuickPickItem | string): string => (typeof i === 'string' ? i : i.label);
  return {
    folderPrompts,
    input: (o) => {
      const asked = `${o?.prompt ?? ''} ${o?.placeHolder ?? ''} ${o?.title ?? ''}`;
      if (/title/i.test(asked)) return title;
      if (/sponsor/i.test(asked)) return '';
      if (/author/i.test(asked)) return 'Ada Example <ada@example.org> (@ada-example)';
      return o?.value ?? '';
    },
    pick: (items) => {
      if (items.some((i) => label(i) === 'Standards Track')) return items.find((i) => label(i) === 'Standards Track');
      // Any other quick pick New SEP shows is the folder prompt.
      folderPrompts.push({ labels: items.map(label), paths: items.map((i) => (typeof i === 'string' ? undefined : i.detail)) });
      return folder === undefined ? undefined : items.find((i) => label(i) === folder);
    },
  };
}

/** Today as YYYY-MM-DD, local and UTC (the two differ around midnight). */
export function todays(): string[] {
  const d = new Date();
  const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return [local, d.toISOString().slice(0, 10)];
}
