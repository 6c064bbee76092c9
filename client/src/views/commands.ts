import * as vscode from 'vscode';
import { parseRepository, type GitHubClient } from '../github/client';
import { GitHubError } from '../github/errors';
import type { GitHubAuth } from './auth';
import { SepDocumentProvider } from './documentProvider';
import type { SidebarModel } from './model';
import type { SepNode, SidebarSnapshot } from './nodes';
import { describeProblem } from './problems';
import { sepDocRefs, type SepDocRef } from './sepDocuments';
import { sepLabel, type SepItem } from './seps';

/** What the sidebar commands work with; getters because settings changes replace model and client. */
export interface SidebarParts {
  model(): SidebarModel;
  client(): GitHubClient;
  auth: GitHubAuth;
  docs: SepDocumentProvider;
  /** `userAsked`: the user clicked (asks GitHub once even while rate-limited). */
  refresh(options?: { userAsked?: boolean }): Promise<SidebarSnapshot>;
  log: vscode.LogOutputChannel;
}

/** A command target: a tree node, or (from scripts and tests) an issue/PR number. */
type Target = SepNode | number | undefined;

/** Registers sep.sidebar.refresh/retry/signIn/openOnGitHub/copyLink/openSep. */
export function registerSidebarCommands(parts: SidebarParts): vscode.Disposable[] {
  const register = (id: string, run: (...args: never[]) => unknown): vscode.Disposable =>
    vscode.commands.registerCommand(id, async (...args: never[]) => {
      try {
        return await run(...args);
      } catch (error) {
        parts.log.error(`${id} failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    });
  return [
    register('sep.sidebar.refresh', () => parts.refresh({ userAsked: true })),
    register('sep.sidebar.retry', () => parts.refresh({ userAsked: true })),
    register('sep.sidebar.signIn', () => signIn(parts)),
    register('sep.sidebar.openOnGitHub', (target: Target) => openOnGitHub(parts, target)),
    register('sep.sidebar.copyLink', (target: Target) => copyLink(parts, target)),
    register('sep.sidebar.openSep', (target: Target, file?: string) => openSep(parts, target, file)),
  ];
}

function itemOf(parts: SidebarParts, target: Target): SepItem | undefined {
  if (typeof target === 'number') return parts.model().items?.find((i) => i.number === target);
  return target && typeof target === 'object' && 'item' in target ? target.item : undefined;
}

/** Only web links are opened or copied, whatever the data says. */
function webUrl(item: SepItem | undefined): string | undefined {
  return item && /^https?:\/\//i.test(item.url) ? item.url : undefined;
}

async function signIn(parts: SidebarParts): Promise<SidebarSnapshot | undefined> {
  const replace = parts.model().problem?.signInRejected === true && parts.auth.signedIn;
  if (!(await parts.auth.signIn(replace))) return undefined;
  parts.client().clearCache();
  return parts.refresh();
}

async function openOnGitHub(parts: SidebarParts, target: Target): Promise<boolean> {
  const url = webUrl(itemOf(parts, target));
  return url ? vscode.env.openExternal(vscode.Uri.parse(url, true)) : false;
}

async function copyLink(parts: SidebarParts, target: Target): Promise<string | undefined> {
  const item = itemOf(parts, target);
  const url = webUrl(item);
  if (!item || !url) return undefined;
  await vscode.env.clipboard.writeText(url);
  vscode.window.setStatusBarMessage(`Copied link to ${sepLabel(item)}`, 3000);
  return url;
}

/**
 * Opens a SEP read-only: a pull request's changed `seps/*.md` at its head commit (a QuickPick when
 * there are several, unless `file` names one), or an issue's body. Resolves to the opened URI string.
 */
async function openSep(parts: SidebarParts, target: Target, file?: string): Promise<string | undefined> {
  const item = itemOf(parts, target);
  const repo = parseRepository(parts.model().repository);
  if (!item || !repo) return undefined;
  try {
    const ref = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Fetching ${sepLabel(item)}` },
      () => chooseDocument(parts, item, repo, file),
    );
    if (!ref) return undefined;
    const uri = await parts.docs.prefetch(ref);
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== 'markdown') doc = await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.window.showTextDocument(doc, { preview: false });
    return uri.toString();
  } catch (error) {
    const { repository, apiUrl } = parts.model();
    // A 404 here is about the pull request or file, not the repository setting: say what was missing.
    const message = error instanceof GitHubError && error.kind === 'notFound'
      ? error.message
      : describeProblem(error, { repository, apiUrl, signedIn: parts.auth.signedIn, now: Date.now() }).message;
    parts.log.warn(`Open SEP #${item.number}: ${message}`);
    void vscode.window.showErrorMessage(`Could not open ${sepLabel(item)}: ${message}`);
    return undefined;
  }
}

async function chooseDocument(parts: SidebarParts, item: SepItem, repo: { owner: string; repo: string }, file?: string): Promise<SepDocRef | undefined> {
  const refs = await sepDocRefs(parts.client(), repo, item);
  const files = refs.filter((r): r is Extract<SepDocRef, { kind: 'pull-file' }> => r.kind === 'pull-file');
  if (files.length === 0) {
    if (item.kind === 'pull') void vscode.window.showInformationMessage(`Pull request #${item.number} changes no seps/*.md file; showing its description instead.`);
    return refs[0];
  }
  let chosen = files.find((f) => f.path === file) ?? (files.length === 1 ? files[0] : undefined);
  if (!chosen) {
    const picked = await vscode.window.showQuickPick(
      files.map((f) => ({ label: f.path, description: f.status, ref: f })),
      { title: `${sepLabel(item)}: several SEP files`, placeHolder: 'Choose the SEP file to open' },
    );
    chosen = picked?.ref;
  }
  return chosen;
}
