import * as vscode from 'vscode';
import { isSepFile, lint, parseSep } from '../../../server/src/sep';
import { CHECKED_SCHEMES } from '../languageClient';
import { baseName, sepSettings, toDiagnostic, utcToday } from './sepFiles';

/** What a workspace check did, returned by the command (tests read it) and shown to the author. */
export interface ValidationSummary {
  /** SEP files found in the workspace. */
  seps: number;
  /** Of those, checked here from disk (the rest are open and checked by the language server). */
  checked: number;
  errors: number;
  warnings: number;
  /** Files that could not be read. */
  unreadable: number;
  cancelled: boolean;
}

const BATCH = 16;

/**
 * `sep.validateWorkspace`: checks every SEP file in the workspace with the
 * engine and shows the findings of the files that are not open in a
 * diagnostic collection of its own. Open files are left to the language
 * server, which checks them as they are edited, so nothing is reported twice:
 * a file that gets opened leaves the collection, and one that is closed, or
 * changes on disk while closed, is checked again from disk.
 */
export class WorkspaceValidator implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('sep-workspace');
  private readonly subscriptions: vscode.Disposable[] = [this.collection];
  /** Whether a check ran, so closing a file re-checks it from disk. */
  private active = false;

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.collection.delete(d.uri)),
      vscode.workspace.onDidCloseTextDocument((d) => this.recheck(d.uri, true)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.collection.delete(uri))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri }) => this.collection.delete(oldUri))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.active && e.affectsConfiguration('sep')) void this.refresh();
      }),
    );
  }

  /** Runs the check again quietly (status bar progress) after the `sep` settings changed. */
  private async refresh(): Promise<void> {
    const source = new vscode.CancellationTokenSource();
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Checking SEPs' }, (progress) => this.run(progress, source.token));
    } finally {
      source.dispose();
    }
  }

  /** Re-checks a workspace file from disk once a check has run (after it closed, or changed on disk). */
  private recheck(uri: vscode.Uri, closed = false): void {
    if (!this.active || uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) return;
    if (/\/node_modules\//.test(uri.path)) return;
    void this.checkFile(uri, closed).catch(() => undefined);
  }

  /** Watches Markdown files on disk from the first check on. */
  private watch(): void {
    if (this.active) return;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate((uri) => this.recheck(uri)),
      watcher.onDidChange((uri) => this.recheck(uri)),
      watcher.onDidDelete((uri) => this.collection.delete(uri)),
    );
  }

  /** Runs the check with a cancellable progress notification and reports the totals. */
  async validateAll(): Promise<ValidationSummary> {
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Checking SEPs', cancellable: true },
      (progress, token) => this.run(progress, token),
    );
    void vscode.window.showInformationMessage(describe(summary));
    return summary;
  }

  private async run(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<ValidationSummary> {
    this.watch();
    this.active = true;
    this.collection.clear();
    const summary: ValidationSummary = { seps: 0, checked: 0, errors: 0, warnings: 0, unreadable: 0, cancelled: false };
    const files = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**', undefined, token);
    for (let i = 0; i < files.length; i += BATCH) {
      if (token.isCancellationRequested) {
        summary.cancelled = true;
        break;
      }
      const batch = files.slice(i, i + BATCH);
      const results = await Promise.all(batch.map((uri) => this.checkFile(uri)));
      for (const r of results) add(summary, r);
      progress.report({ message: `${Math.min(i + BATCH, files.length)} of ${files.length} Markdown files`, increment: (batch.length / files.length) * 100 });
    }
    return summary;
  }

  /**
   * Checks one file from disk and updates the collection, unless it is open
   * (`closed` says it was just closed, whatever textDocuments still lists).
   */
  private async checkFile(uri: vscode.Uri, closed = false): Promise<FileResult> {
    const settings = sepSettings(uri);
    const open = closed ? undefined : openDocument(uri);
    if (open) {
      this.collection.delete(uri);
      return { sep: isSepFile(uri.path, open.getText(), settings.files.include), checked: false, ...serverCounts(uri) };
    }
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return { sep: false, checked: false, unreadable: true };
    }
    if (!isSepFile(uri.path, text, settings.files.include)) {
      this.collection.delete(uri);
      return { sep: false, checked: false };
    }
    const findings = lint(parseSep(text, { fileName: baseName(uri) }), { rules: settings.rules, finalSeps: settings.finalSeps, today: utcToday() });
    // Opened while it was being read: the language server has it now.
    if (!closed && openDocument(uri)) return { sep: true, checked: false, ...serverCounts(uri) };
    this.collection.set(uri, findings.map(toDiagnostic));
    return {
      sep: true,
      checked: true,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    };
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

interface FileResult {
  sep: boolean;
  checked: boolean;
  errors?: number;
  warnings?: number;
  unreadable?: boolean;
}

function add(summary: ValidationSummary, r: FileResult): void {
  if (r.sep) summary.seps++;
  if (r.checked) summary.checked++;
  if (r.unreadable) summary.unreadable++;
  summary.errors += r.errors ?? 0;
  summary.warnings += r.warnings ?? 0;
}

/** The document when it is open in an editor, where the language server already reports on it. */
function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && d.languageId === 'markdown' && CHECKED_SCHEMES.includes(d.uri.scheme));
}

/** Errors and warnings the language server currently shows for an open file. */
function serverCounts(uri: vscode.Uri): { errors: number; warnings: number } {
  const mine = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sep');
  return {
    errors: mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
    warnings: mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length,
  };
}

function describe(s: ValidationSummary): string {
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const open = s.seps - s.checked;
  const parts = [
    `${s.cancelled ? 'Stopped after' : 'Checked'} ${plural(s.seps, 'SEP')}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')} in the Problems panel.`,
  ];
  if (open > 0) parts.push(`${open} open in editors ${open === 1 ? 'is' : 'are'} checked as you type by the language server.`);
  if (s.unreadable > 0) parts.push(`${plural(s.unreadable, 'file')} could not be read.`);
  return parts.join(' ');
}
