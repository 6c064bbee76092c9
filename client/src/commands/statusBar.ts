import * as vscode from 'vscode';
import { IncrementalMarkdownParser, parseSep } from '../../../server/src/sep';
import { isSepDocument } from './sepFiles';
import { statusBarText, statusBarTooltip, type ProblemCounts } from './statusText';

/** Context key true while the active editor holds a SEP; `when` clauses of the commands use it. */
export const SEP_EDITOR_CONTEXT = 'sep.activeEditorIsSep';

const TYPING_DELAY_MS = 300;

/**
 * The status bar item on SEP files: the Status from the header and the number
 * of problems the editor shows for the file; a click opens the Problems panel.
 * Hidden for any other editor. Also maintains {@link SEP_EDITOR_CONTEXT}.
 */
export function registerStatusBar(): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('sep.status', vscode.StatusBarAlignment.Left, 100);
  item.name = 'SEP Status';
  item.command = 'workbench.actions.view.problems';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isSep: boolean | undefined;
  // Re-parses only the blocks that changed since the last update: long SEPs stay cheap while typing.
  const parser = new IncrementalMarkdownParser();

  const update = (): void => {
    timer = undefined;
    const document = vscode.window.activeTextEditor?.document;
    const sep = document !== undefined && isSepDocument(document);
    if (sep !== isSep) void vscode.commands.executeCommand('setContext', SEP_EDITOR_CONTEXT, sep);
    isSep = sep;
    if (!sep || !document) {
      item.hide();
      return;
    }
    const status = parseSep(document.getText(), { parser }).header.fields.find((f) => f.key === 'status')?.value;
    const counts = countProblems(document.uri);
    item.text = statusBarText(status, counts);
    item.tooltip = statusBarTooltip(status, counts);
    item.show();
  };
  /** Parsing on every keystroke is wasted work: wait for a pause in typing. */
  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, TYPING_DELAY_MS);
  };
  const isActive = (uri: vscode.Uri): boolean => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();

  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (isActive(e.document.uri)) later();
    }),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (isActive(d.uri)) update();
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some(isActive)) later();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('sep')) update();
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
}

function countProblems(uri: vscode.Uri): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, other: 0 };
  for (const d of vscode.languages.getDiagnostics(uri)) {
    if (d.source !== 'sep') continue;
    if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
    // Hints (a Final SEP's quiet findings) are not problems: the Problems panel leaves them out too.
    else if (d.severity !== vscode.DiagnosticSeverity.Hint) counts.other++;
  }
  return counts;
}
