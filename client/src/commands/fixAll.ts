import * as vscode from 'vscode';
import { RequestType, type TextEdit } from 'vscode-languageclient';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';

/** Mirrors the server's `sep/fixAll` request (server/src/features/fixAll.ts). */
interface FixAllResponse {
  version: number;
  edits: TextEdit[];
  applied: number;
}

const FixAllRequest = new RequestType<{ textDocument: { uri: string } }, FixAllResponse | null, void>('sep/fixAll');

/**
 * Registers "SEP: Fix All Auto-fixable Problems" (`sep.fixAll`): asks the
 * server for the edits that apply every automatic fix to the active SEP and
 * applies them as one undoable edit. Returns the number of fixes applied.
 */
export function registerFixAll(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand('sep.fixAll', () => fixActiveSep(client)));
}

async function fixActiveSep(client: LanguageClient): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Open a SEP Markdown file to fix its problems.');
    return 0;
  }
  const document = editor.document;
  let response: FixAllResponse | null;
  try {
    response = await client.sendRequest(FixAllRequest, { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } });
  } catch (err) {
    client.outputChannel.appendLine(`Fix all failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    void vscode.window.showErrorMessage('SEP: Fix All could not reach the SEP language server; see the "SEP" output for details.');
    return 0;
  }
  if (!response) {
    void vscode.window.showInformationMessage('This file is not treated as a SEP, so there is nothing to fix.');
    return 0;
  }
  if (response.version !== document.version) {
    void vscode.window.showWarningMessage('The file changed while the fixes were computed; run SEP: Fix All again.');
    return 0;
  }
  if (response.edits.length === 0) {
    void vscode.window.setStatusBarMessage('SEP: no auto-fixable problems', 3000);
    return 0;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, await client.protocol2CodeConverter.asTextEdits(response.edits));
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok) vscode.window.setStatusBarMessage(`SEP: fixed ${response.applied} problem${response.applied === 1 ? '' : 's'}`, 3000);
  return ok ? response.applied : 0;
}
