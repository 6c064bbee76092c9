import * as vscode from 'vscode';
import { authorLine, freeSepFileName, HANDLE_PLACEHOLDER, handleSnippet, newSepText, normalizeSponsor, slugify, typeChoices, type NewSep } from '../../../common/scaffold';
import type { GitIdentity } from '../platform';
import { GITHUB_SCOPES } from '../views/auth';
import { baseName, exists, sepRepository, utcToday } from './sepFiles';

const STEPS = 4;
const LOOKUP_TIMEOUT_MS = 3000;

/** What New SEP asked; undefined fields mean the author pressed Escape. */
interface Answers {
  title: string;
  type: string;
  authors: string;
  sponsor: string;
}

/**
 * `sep.newSep`: asks for the title, type, authors and sponsor, then creates
 * `seps/0000-<slug>.md` (never overwriting) in the chosen workspace folder, or
 * an untitled document when no folder is open, and opens it with the cursor in
 * the Abstract. Escape at any prompt leaves everything as it was.
 * @param gitIdentity git's user.name and user.email for the author line (empty in the browser)
 * @returns the new document's URI, or undefined when cancelled
 */
export async function newSep(gitIdentity: (folder: vscode.Uri | undefined) => Promise<GitIdentity>): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  // Started now so git and the auth lookup overlap with the first prompts; both only read.
  const prefill = authorPrefill(gitIdentity(folders[0]?.uri));
  const answers = await ask(prefill);
  if (!answers) return undefined;
  const target = await chooseFolder(folders);
  if (target === 'cancelled') return undefined;
  const sep = newSepText({ ...answers, created: utcToday(), repository: sepRepository() });
  const slug = slugify(answers.title);
  const document = target ? await createInFolder(target, slug, sep.text) : await createUntitled(slug, sep.text);
  const editor = await vscode.window.showTextDocument(document);
  await placeCursor(editor, sep);
  return document.uri;
}

/**
 * Puts the author where to type: on the `(@handle)` placeholder as a tab stop when no author had a handle
 * (Tab then moves to the Abstract), else in the Abstract.
 */
async function placeCursor(editor: vscode.TextEditor, sep: NewSep): Promise<void> {
  const at = new vscode.Position(sep.cursor.line, sep.cursor.character);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  const snippet = handleSnippet(sep);
  if (snippet) {
    const { start, end } = snippet.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    const body = new vscode.SnippetString().appendPlaceholder(HANDLE_PLACEHOLDER, 1).appendText(snippet.text).appendTabstop(0);
    if (await editor.insertSnippet(body, range, { undoStopBefore: false, undoStopAfter: false })) return;
  }
  editor.selection = new vscode.Selection(at, at);
}

async function ask(prefill: Promise<string>): Promise<Answers | undefined> {
  const title = await vscode.window.showInputBox({
    title: `New SEP (1/${STEPS})`,
    prompt: 'Title of the proposal',
    placeHolder: 'e.g. Streaming Tool Results',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'The title cannot be empty.'),
  });
  if (title === undefined) return undefined;
  const type = await vscode.window.showQuickPick(
    typeChoices().map((t) => ({ label: t.value, description: t.description })),
    { title: `New SEP (2/${STEPS})`, placeHolder: 'Type of the SEP', ignoreFocusOut: true },
  );
  if (!type) return undefined;
  const authors = await vscode.window.showInputBox({
    title: `New SEP (3/${STEPS})`,
    prompt: 'Author(s): Name <email> (@github-handle), comma-separated',
    value: await prefill,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'Name at least one author.'),
  });
  if (authors === undefined) return undefined;
  const sponsor = await vscode.window.showInputBox({
    title: `New SEP (4/${STEPS})`,
    prompt: 'Sponsor: the maintainer\'s GitHub handle. Leave empty while you look for one (None).',
    placeHolder: '@handle, or empty for None',
    ignoreFocusOut: true,
    validateInput: (v) => (normalizeSponsor(v) ? undefined : 'Write GitHub handles such as @octocat (comma-separated), or leave empty.'),
  });
  // Prompts validate as the author types; a value that still fails (a scripted answer) cancels rather than writes it.
  const sponsorValue = sponsor === undefined ? undefined : normalizeSponsor(sponsor);
  if (!sponsorValue || !title.trim() || !authors.trim()) return undefined;
  return { title: title.trim(), type: type.label, authors: authors.trim(), sponsor: sponsorValue };
}

/**
 * The folder to create the SEP in: the one with a `seps/` folder, asking when
 * several have one (or, when none has, when there are several folders).
 * Undefined when no folder is open.
 */
async function chooseFolder(folders: readonly vscode.WorkspaceFolder[]): Promise<vscode.WorkspaceFolder | undefined | 'cancelled'> {
  if (folders.length === 0) return undefined;
  const hasSeps = await Promise.all(folders.map((f) => isDirectory(vscode.Uri.joinPath(f.uri, 'seps'))));
  const withSeps = folders.filter((_f, i) => hasSeps[i]);
  const candidates = withSeps.length ? withSeps : folders;
  if (candidates.length === 1) return candidates[0];
  const pick = await vscode.window.showQuickPick(
    candidates.map((folder) => ({
      label: folder.name,
      description: withSeps.length ? 'seps/' : 'a seps/ folder will be created',
      detail: folder.uri.fsPath,
      folder,
    })),
    { title: 'New SEP: which workspace folder?', placeHolder: 'Folder to create the SEP in', ignoreFocusOut: true },
  );
  return pick ? pick.folder : 'cancelled';
}

/** Writes the SEP under `<folder>/seps/`, taking the next free name; never replaces a file. */
async function createInFolder(folder: vscode.WorkspaceFolder, slug: string, text: string): Promise<vscode.TextDocument> {
  const dir = vscode.Uri.joinPath(folder.uri, 'seps');
  await vscode.workspace.fs.createDirectory(dir);
  const taken = new Set((await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name));
  const contents = new TextEncoder().encode(text);
  // The edit fails rather than overwrite, so a file appearing meanwhile just moves us to the next name.
  for (let attempt = 0; attempt < 5; attempt++) {
    const uri = vscode.Uri.joinPath(dir, freeSepFileName(slug, taken));
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { contents, overwrite: false, ignoreIfExists: false });
    if (!(await exists(uri)) && (await vscode.workspace.applyEdit(edit)) && (await exists(uri))) {
      return vscode.workspace.openTextDocument(uri);
    }
    taken.add(baseName(uri));
  }
  throw new Error(`could not create a new file in ${dir.fsPath}`);
}

/**
 * An untitled document named `0000-<slug>.md`: the name makes it a SEP for
 * the checks (and is what Save proposes), unlike `Untitled-1`.
 */
async function createUntitled(slug: string, text: string): Promise<vscode.TextDocument> {
  const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled').map((d) => baseName(d.uri));
  const uri = vscode.Uri.from({ scheme: 'untitled', path: freeSepFileName(slug, open) });
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  await vscode.workspace.applyEdit(edit);
  return document.languageId === 'markdown' ? document : vscode.languages.setTextDocumentLanguage(document, 'markdown');
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

/**
 * `Name <email> (@login)` from git's user.name/user.email and a GitHub session if one exists (in the browser, the
 * GitHub account alone); empty when nothing is known.
 */
async function authorPrefill(identity: Promise<GitIdentity>): Promise<string> {
  const [{ name, email }, handle] = await Promise.all([identity, githubLogin()]);
  return authorLine({ name, email, handle });
}

/** The GitHub login when the user is already signed in to GitHub in VS Code; never prompts. */
async function githubLogin(): Promise<string> {
  try {
    const session = await Promise.race([
      vscode.authentication.getSession('github', GITHUB_SCOPES, { silent: true }).then((s) => s ?? vscode.authentication.getSession('github', [], { silent: true })),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), LOOKUP_TIMEOUT_MS)),
    ]);
    return session?.account.label ?? '';
  } catch {
    return '';
  }
}
