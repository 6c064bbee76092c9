import * as vscode from 'vscode';
import { parseSep } from '../../../server/src/sep';
import { numberedFileName, parsePrNumber, setPrNumberEdits } from '../../../server/src/sep/numbering';
import { baseName, exists, isSepDocument, sepRepository } from './sepFiles';

/**
 * `sep.setPrNumber`: once the pull request exists, gives the SEP its number.
 * Asks for it, renames the file to `<number>-<slug>.md` through a workspace
 * edit (open editors follow), then numbers the title and points the PR field
 * at the pull request. Refuses, changing nothing, when the new name is taken.
 * @param resource the SEP (from a menu); the active editor's document otherwise
 * @returns the SEP's URI after the change, or undefined when nothing was done
 */
export async function setPrNumber(resource?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const document = resource ? await vscode.workspace.openTextDocument(resource) : vscode.window.activeTextEditor?.document;
  const problem = whyNot(document);
  if (problem || !document) {
    void vscode.window.showErrorMessage(problem ?? 'Open a SEP file first.');
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

  const name = baseName(document.uri);
  const newName = numberedFileName(name, number);
  const target = document.uri.with({ path: document.uri.path.slice(0, document.uri.path.length - name.length) + newName });
  if (newName !== name && (await exists(target))) {
    void vscode.window.showErrorMessage(`Cannot set the PR number: ${newName} already exists in this folder. Nothing was changed.`);
    return undefined;
  }
  const wasDirty = document.isDirty;
  // Edits are computed before the rename (the text is the same after it) and applied to the renamed file:
  // renaming first means an auto-save of the edited text can never recreate the old file.
  const edits = numberingEdits(document, number);
  if (target.toString() !== document.uri.toString()) {
    const rename = new vscode.WorkspaceEdit();
    rename.renameFile(document.uri, target, { overwrite: false });
    if (!(await vscode.workspace.applyEdit(rename))) {
      void vscode.window.showErrorMessage(`Could not rename ${name} to ${newName}. Nothing was changed.`);
      return undefined;
    }
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(target, edits);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Renamed ${name} to ${newName}, but could not update its title and PR field.`);
    return target;
  }
  // Save what we changed, but never the author's own unsaved edits behind their back.
  if (!wasDirty) await vscode.workspace.save(target);
  return target;
}

/** The title and PR field edits that number the SEP. */
function numberingEdits(document: vscode.TextDocument, number: string): vscode.TextEdit[] {
  const doc = parseSep(document.getText(), { fileName: baseName(document.uri) });
  return setPrNumberEdits(doc, number, sepRepository()).map(({ range: { start, end }, newText }) =>
    vscode.TextEdit.replace(new vscode.Range(start.line, start.character, end.line, end.character), newText),
  );
}

/** Why the command cannot run on this document, in words for the author; undefined when it can. */
function whyNot(document: vscode.TextDocument | undefined): string | undefined {
  if (!document) return 'Open a SEP file first, then run Set PR Number.';
  if (!isSepDocument(document)) return `${baseName(document.uri)} is not a SEP file (a Markdown file in seps/, or one whose title starts with "SEP-").`;
  if (document.uri.scheme !== 'file') return 'Save the SEP as a file in the seps/ folder first; then set its PR number.';
  return undefined;
}
