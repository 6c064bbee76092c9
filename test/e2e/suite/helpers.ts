/// <reference types="mocha" />
/**
 * Helpers for the integration tests that run inside the extension host: waiting on VS Code events with a
 * deadline (never sleeping), preparing SEP files from the reference material in the temporary workspace,
 * and answering prompts by stubbing `window.showInputBox` / `window.showQuickPick`.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseSep } from '../../../server/src/sep';

/** Our extension's id (publisher.name). */
export const EXTENSION_ID = 'sep-authoring.sep-authoring';

/** Rejects with `what` when `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The `code` of a diagnostic as a plain rule id (VS Code wraps it as `{ value, target }` when a doc link exists). */
export function ruleId(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * Resolves with the diagnostics of `uri` once `predicate` holds for them, checking the current ones first and
 * then on each `languages.onDidChangeDiagnostics` for that document.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  ms = 30_000,
): Promise<vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri);
  if (predicate(current)) return Promise.resolve(current);
  let listener: vscode.Disposable | undefined;
  const changed = new Promise<vscode.Diagnostic[]>((resolve) => {
    listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (predicate(diagnostics)) resolve(diagnostics);
    });
  });
  return withTimeout(changed, ms, what).finally(() => listener?.dispose());
}

/** The workspace folder the host was opened on (a temporary folder made by the test launcher). */
export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration suite needs a workspace folder (the launcher opens a temporary one)');
  return folder.uri.fsPath;
}

/**
 * The reference SEPs folder (`../shared/reference/seps`, passed in `SEP_REFERENCE_DIR` by the launcher).
 * When it is missing the calling test is skipped, except under CI where that is a failure.
 */
export function referenceSepsDir(ctx: Mocha.Context): string {
  const dir = process.env.SEP_REFERENCE_DIR ? join(process.env.SEP_REFERENCE_DIR, 'seps') : '';
  if (dir && existsSync(dir)) return dir;
  const why = `reference SEPs not found (SEP_REFERENCE_DIR=${process.env.SEP_REFERENCE_DIR ?? 'unset'})`;
  if (process.env.CI === 'true') throw new Error(`${why}; they are required in CI`);
  ctx.skip();
  throw new Error(why);
}

/**
 * Copies reference SEP `name` into the workspace's `seps/` folder as `target` with the section `section` removed
 * (heading and body, located with the engine's parser). Returns the new file's URI.
 */
export function referenceSepWithout(refDir: string, name: string, section: string, target = name): vscode.Uri {
  const text = readFileSync(join(refDir, name), 'utf8');
  const doc = parseSep(text, { fileName: name });
  const found = doc.sections.find((s) => s.heading.text.trim() === section);
  if (!found) throw new Error(`${name} has no "${section}" section to remove`);
  const lines = text.split('\n');
  // bodyRange ends where the next heading of the same or higher rank starts (or at the end of the text).
  const start = found.heading.range.start.line;
  lines.splice(start, found.bodyRange.end.line - start);
  const dir = join(workspaceRoot(), 'seps');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, target);
  writeFileSync(file, lines.join('\n'));
  return vscode.Uri.file(file);
}

/** Copies reference SEP `name` unchanged into the workspace's `seps/` folder as `target`. */
export function referenceSepCopy(refDir: string, name: string, target = name): vscode.Uri {
  const dir = join(workspaceRoot(), 'seps');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(refDir, name), join(dir, target));
  return vscode.Uri.file(join(dir, target));
}

/** What a stubbed prompt answers: a value, or `undefined` for Escape. */
export type InputAnswer = (options: vscode.InputBoxOptions | undefined) => string | undefined;
/** What a stubbed quick pick answers: one of the offered items, or `undefined` for Escape. */
export type PickAnswer = (items: readonly (vscode.QuickPickItem | string)[], options: vscode.QuickPickOptions | undefined) =>
  vscode.QuickPickItem | string | undefined;

/**
 * Replaces `window.showInputBox` and `window.showQuickPick` while `body` runs; records every prompt shown.
 * Works because this suite is loaded from our extension's folder, so it shares the extension's `vscode` API object.
 */
export async function withPrompts<T>(answers: { input: InputAnswer; pick: PickAnswer }, body: () => Promise<T>):
  Promise<{ result: T; prompts: string[] }> {
  const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
  const original = { input: window.showInputBox, pick: window.showQuickPick };
  const prompts: string[] = [];
  window.showInputBox = (async (options?: vscode.InputBoxOptions) => {
    prompts.push(`input: ${options?.prompt ?? ''} ${options?.placeHolder ?? ''}`.trim());
    return answers.input(options);
  }) as typeof vscode.window.showInputBox;
  window.showQuickPick = (async (items: unknown, options?: vscode.QuickPickOptions) => {
    const list = (await items) as readonly (vscode.QuickPickItem | string)[];
    prompts.push(`pick: ${options?.title ?? options?.placeHolder ?? ''} [${list.map((i) => (typeof i === 'string' ? i : i.label)).join(', ')}]`);
    return answers.pick(list, options);
  }) as typeof vscode.window.showQuickPick;
  try {
    return { result: await body(), prompts };
  } finally {
    window.showInputBox = original.input;
    window.showQuickPick = original.pick;
  }
}

/** Activates our extension (the suite may start before VS Code has activated it for a Markdown file). */
export async function activateExtension(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  await ext.activate();
}

/** Closes every editor without saving and deletes `paths` (files a test made in the temporary workspace). */
export async function cleanUp(...paths: (string | vscode.Uri | undefined)[]): Promise<void> {
  // Reverting first: closing a modified editor would ask to save in a modal dialog that nobody answers.
  for (let i = 0; i < 50 && vscode.window.tabGroups.all.some((g) => g.tabs.length > 0); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const p of paths) if (p) rmSync(typeof p === 'string' ? p : p.fsPath, { force: true });
}

/** A process as Linux's /proc shows it: its command line and its `status` file (PPid, VmRSS, VmHWM…). */
export interface ProcInfo {
  pid: number;
  args: string[];
  status: string;
}

/**
 * The processes whose command line holds every one of `parts`, read from /proc; undefined where there is no /proc
 * (not Linux). Processes that end while being read, or are not ours to read, are left out.
 */
export function processesWith(...parts: string[]): ProcInfo[] | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined;
  }
  return pids.flatMap((pid) => {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!parts.every((p) => args.some((a) => a.includes(p)))) return [];
      return [{ pid: Number(pid), args, status: readFileSync(`/proc/${pid}/status`, 'utf8') }];
    } catch {
      return [];
    }
  });
}

/** A numeric field of a /proc status file (`PPid`, or `VmRSS` in kB), NaN when absent. */
export function statusField(status: string, field: string): number {
  return Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
}
