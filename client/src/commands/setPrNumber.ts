import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { SET_PR_NUMBER_REQUEST, parsePrNumber, type SetPrNumberParams, type SetPrNumberResult } from '../../../common/protocol';
import { SEP_GITHUB_SCHEME } from '../views/sepDocuments';
import { baseName, exists, sepRepository } from './sepFiles';

/**
 * `sep.setPrNumber`: once the pull request exists, gives the SEP its number. Asks for it, then applies the one
 * workspace edit the language server computes (the file renamed to `<number>-<slug>.md`, open editors following;
 * its title numbered and its PR field pointed at the pull request). The server refuses, changing nothing, when the
 * document is no SEP or the new name is taken.
 * @param resource the SEP (from a menu); the active editor's document otherwise
 * @returns the SEP's URI after the change, or undefined when nothing was done
 */
export async function setPrNumber(client: LanguageClient, resource?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const document = resource ? await vscode.workspace.openTextDocument(resource) : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showErrorMessage('Open a SEP file first, then run Set PR Number.');
    return undefined;
  }
  if (document.uri.scheme === 'untitled') {
    void vscode.window.showErrorMessage('Save the SEP as a file in the seps/ folder first; then set its PR number.');
    return undefined;
  }
  if (document.uri.scheme === SEP_GITHUB_SCHEME) {
    void vscode.window.showErrorMessage('This SEP was opened from GitHub and is read-only: set its PR number in your own copy.');
    return undefined;
  }
  const input = await vscode.window.showInputBox({
    title: 'Set PR Number',
    prompt: 'Number of the pull request that adds this SEP (its SEP number)',
    placeHolder: 'e.g. 1850',
    ignoreFocusOut: true,
    validateInput: (v) => (parsePrNumber(v) ? undefined : 'Enter the pull request number: digits only, e.g. 1850.'),
  });
  const number = input === undefined ? undefined : parsePrNumber(input);
  if (!number) return undefined;

  const params: SetPrNumberParams = { textDocument: { uri: document.uri.toString() }, number, repository: sepRepository() };
  const result = await client.sendRequest<SetPrNumberResult>(SET_PR_NUMBER_REQUEST, params);
  if ('error' in result) {
    void vscode.window.showErrorMessage(`Cannot set the PR number: ${result.error}`);
    return undefined;
  }
  // The server sees only the files it reads or is sent; on any file system the name must still be free.
  const target = vscode.Uri.parse(result.newUri);
  if (result.newUri !== document.uri.toString() && (await exists(target))) {
    void vscode.window.showErrorMessage(`Cannot set the PR number: ${baseName(target)} already exists in this folder. Nothing was changed.`);
    return undefined;
  }
  const wasDirty = document.isDirty;
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit as Parameters<LanguageClient['protocol2CodeConverter']['asWorkspaceEdit']>[0]);
  if (!edit || !(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage('Could not rename the SEP and update its title and PR field. Nothing was changed.');
    return undefined;
  }
  // Save what we changed, but never the author's own unsaved edits behind their back.
  if (!wasDirty) await vscode.workspace.save(target);
  return target;
}
