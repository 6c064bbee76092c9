import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { STATUS_NOTIFICATION, type StatusParams } from '../../../common/protocol';
import { statusBarText, statusBarTooltip } from './statusText';

/** Context key true while the active editor holds a SEP; `when` clauses of the commands use it. */
export const SEP_EDITOR_CONTEXT = 'sep.activeEditorIsSep';

/**
 * The status bar item on SEP files: the Status from the header and the number of problems, both as the language
 * server reports them after each analysis (`sep/status`); a click opens the Problems panel. Until the server has
 * analysed a document the item says so, never "no problems". Hidden for any other editor. Also maintains
 * {@link SEP_EDITOR_CONTEXT}.
 */
export function registerStatusBar(client: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('sep.status', vscode.StatusBarAlignment.Left, 100);
  item.name = 'SEP Status';
  item.command = 'workbench.actions.view.problems';
  const latest = new Map<string, StatusParams>();
  let isSep: boolean | undefined;
  /**
   * What the item shows, or undefined while hidden. Setting a property of the item, or calling show(), sends the whole
   * item to the window again (VS Code compares nothing), so a keystroke that leaves the counts as they were sets none.
   */
  let shown: { text: string; tooltip: string } | undefined;

  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    const known = document ? latest.get(document.uri.toString()) : undefined;
    const sep = known?.isSep === true;
    if (sep !== isSep) void vscode.commands.executeCommand('setContext', SEP_EDITOR_CONTEXT, sep);
    isSep = sep;
    if (!known || !known.isSep) {
      if (shown) item.hide();
      shown = undefined;
      return;
    }
    const counts = { errors: known.errors, warnings: known.warnings, other: known.other };
    const checking = document!.version !== known.version;
    const text = statusBarText(known.status, counts) + (checking ? ' $(sync~spin)' : '');
    const tooltip = statusBarTooltip(known.status, counts) + (checking ? '\nChecking the latest changes…' : '');
    if (text !== shown?.text) item.text = text;
    if (tooltip !== shown?.tooltip) item.tooltip = tooltip;
    if (!shown) item.show();
    shown = { text, tooltip };
  };

  update();
  return vscode.Disposable.from(
    item,
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      latest.set(params.uri, params);
      if (vscode.window.activeTextEditor?.document.uri.toString() === params.uri) update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidCloseTextDocument((d) => latest.delete(d.uri.toString())),
  );
}
