import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { TRACEABILITY_SKELETON_REQUEST, type TraceabilitySkeletonParams, type TraceabilitySkeletonResult } from '../../../common/protocol';
import { exists } from './sepFiles';

/** Folders, relative to a workspace folder, that a traceability file goes in when they exist (the conformance repository keeps them in `src/seps/`). */
const PREFERRED_FOLDERS = ['conformance/src/seps', 'conformance', 'src/seps'];

/** What the command did: the file, and whether it wrote it (false: it existed and was opened unchanged). */
export interface TraceabilityFileResult {
  uri: vscode.Uri;
  created: boolean;
}

/** Options for scripts and tests: the folder to write into, instead of asking. */
export interface TraceabilityFileOptions {
  folder?: vscode.Uri;
}

/**
 * `sep.createTraceabilityFile`: drafts the active SEP's conformance traceability file `sep-<number>.yaml` (the
 * language server writes the YAML from the SEP's MUST- and SHOULD-level statements), asks where to put it (the
 * workspace folder, or a `conformance/` or `src/seps/` folder in it when there is one), writes it and opens it.
 * An existing file is never overwritten: it is opened as it is, and the author is told so.
 * @param resource the SEP (from a menu); the active editor's document otherwise
 */
export async function createTraceabilityFile(client: LanguageClient, resource?: vscode.Uri, options: TraceabilityFileOptions = {}): Promise<TraceabilityFileResult | undefined> {
  const document = resource ? await vscode.workspace.openTextDocument(resource) : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showErrorMessage('Open a SEP first, then run Create Conformance Traceability File.');
    return undefined;
  }
  const params: TraceabilitySkeletonParams = { uri: document.uri.toString() };
  const skeleton = await client.sendRequest<TraceabilitySkeletonResult>(TRACEABILITY_SKELETON_REQUEST, params);
  if ('error' in skeleton) {
    void vscode.window.showErrorMessage(`Cannot draft a traceability file: ${skeleton.error}`);
    return undefined;
  }
  const folder = options.folder ?? (await chooseFolder(document.uri, skeleton.fileName));
  if (!folder) return undefined;
  const uri = vscode.Uri.joinPath(folder, skeleton.fileName);
  if (await exists(uri)) {
    await vscode.window.showTextDocument(uri);
    void vscode.window.showInformationMessage(`${skeleton.fileName} already exists in ${vscode.workspace.asRelativePath(folder)}; it was opened unchanged.`);
    return { uri, created: false };
  }
  await vscode.workspace.fs.createDirectory(folder);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(skeleton.text));
  await vscode.window.showTextDocument(uri);
  if (skeleton.statements === 0) void vscode.window.showWarningMessage(`${skeleton.fileName} has no requirements: the Specification holds no MUST- or SHOULD-level statement.`);
  return { uri, created: true };
}

/** Asks for the folder: the preferred ones that exist first, then the workspace folder, then "another folder…". */
async function chooseFolder(sep: vscode.Uri, fileName: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(sep) ?? vscode.workspace.workspaceFolders?.[0];
  type Pick = vscode.QuickPickItem & { uri?: vscode.Uri };
  const items: Pick[] = [];
  if (folder) {
    for (const rel of PREFERRED_FOLDERS) {
      const uri = vscode.Uri.joinPath(folder.uri, rel);
      if (await exists(uri)) items.push({ label: rel, description: `in ${folder.name}`, uri });
    }
    items.push({ label: folder.name, description: 'workspace folder', uri: folder.uri });
  }
  items.push({ label: 'Another folder…' });
  const picked = await vscode.window.showQuickPick(items, { title: `Where should ${fileName} go?`, placeHolder: 'Folder for the traceability file' });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: folder?.uri, openLabel: `Put ${fileName} here` });
  return chosen?.[0];
}
