import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ValidationSummary } from '../../../common/protocol';
import type { AnalysisStore } from '../analysis';
import { collectFiles } from '../cli/files';
import { isInside } from '../paths';
import { toDiagnostic } from '../diagnostics';
import { isSepFile, lint, parseSep, type Finding } from '../sep';
import type { ServerSettings } from '../settings';
import type { FileChange } from './workspace';

/** Files larger than this are not read from disk (an open document of any size is still checked). */
const MAX_FILE = 5 * 1024 * 1024;

/** What a workspace check needs from the server. */
export interface WorkspaceCheckContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: AnalysisStore;
  settings: () => ServerSettings;
  folders: () => readonly string[];
  today: () => string;
}

interface FileResult {
  sep: boolean;
  checked: boolean;
  errors?: number;
  warnings?: number;
  unreadable?: boolean;
}

/**
 * **Validate All SEPs in Workspace**, done by the server, the one SEP analyser: checks every SEP file in the
 * workspace folders and publishes diagnostics for the files that are not open (so they show in the Problems
 * panel and the open document, when one is opened, takes over its URI). Once it has run it keeps those
 * diagnostics current from file events and from documents being closed; a deleted file's go away.
 */
export class WorkspaceCheck {
  private active = false;
  /** Closed files whose diagnostics this check published. */
  private readonly published = new Set<string>();

  constructor(private readonly ctx: WorkspaceCheckContext) {}

  /** Whether a check has run: the caller then watches every Markdown file for it. */
  get running(): boolean {
    return this.active;
  }

  /** Checks the workspace, yielding to other requests between files; stops early when cancelled. */
  async run(token?: CancellationToken): Promise<ValidationSummary> {
    this.active = true;
    const summary: ValidationSummary = { seps: 0, checked: 0, errors: 0, warnings: 0, unreadable: 0, cancelled: false };
    const { files, skipped } = collectFiles([...this.ctx.folders()]);
    summary.unreadable += skipped.filter((s) => !s.fatal).length;
    const found = new Set<string>();
    for (const file of files) {
      if (token?.isCancellationRequested) {
        summary.cancelled = true;
        break;
      }
      const uri = pathToFileURL(file).href;
      found.add(uri);
      add(summary, this.check(uri, file));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Files that were reported before and are no longer SEPs (or no longer there) lose their diagnostics.
    if (!summary.cancelled) for (const uri of [...this.published]) if (!found.has(uri)) this.clear(uri);
    return summary;
  }

  /** A watched file changed on disk: re-check it unless it is open (the open document wins). */
  fileChanged(uri: string, change: FileChange): void {
    if (!this.active || !/\.(md|markdown)$/i.test(uri) || this.ctx.documents.get(uri)) return;
    if (change === 'deleted') this.clear(uri);
    else {
      const path = filePath(uri);
      if (path && this.insideWorkspace(path)) this.check(uri, path);
    }
  }

  /** A document opened: its own diagnostics replace the ones published for the closed file. */
  opened(uri: string): void {
    this.published.delete(uri);
  }

  /** A document closed: once a check has run, its file is checked again from disk; else its diagnostics go. */
  closed(uri: string): void {
    const path = filePath(uri);
    if (this.active && path && this.insideWorkspace(path)) this.check(uri, path);
    else void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The settings changed: the closed files are checked again (quietly) if a check has run. */
  settingsChanged(): void {
    if (this.active) void this.run();
  }

  private check(uri: string, path: string): FileResult {
    const open = this.ctx.documents.get(uri);
    if (open) {
      const analysis = this.ctx.store.analyze(open);
      return analysis.doc ? { sep: true, checked: false, ...counts(analysis.findings) } : { sep: false, checked: false };
    }
    let text: string;
    try {
      if (statSync(path).size > MAX_FILE) return { sep: false, checked: false, unreadable: true };
      text = readFileSync(path, 'utf8');
    } catch {
      this.clear(uri);
      return { sep: false, checked: false, unreadable: true };
    }
    const settings = this.ctx.settings();
    if (!settings.validate.enable || !isSepFile(path, text, settings.files.include)) {
      this.clear(uri);
      return { sep: isSepFile(path, text, settings.files.include), checked: false };
    }
    const doc = parseSep(text, { fileName: path.slice(path.lastIndexOf('/') + 1) });
    const findings = lint(doc, { rules: settings.rules, today: this.ctx.today(), conformance: this.ctx.store.conformance });
    this.published.add(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: findings.map(toDiagnostic) });
    return { sep: true, checked: true, ...counts(findings) };
  }

  private clear(uri: string): void {
    if (!this.published.delete(uri)) return;
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private insideWorkspace(path: string): boolean {
    return this.ctx.folders().some((f) => isInside(f, path));
  }
}

function counts(findings: readonly Finding[]): { errors: number; warnings: number } {
  return { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length };
}

function add(summary: ValidationSummary, r: FileResult): void {
  if (r.sep) summary.seps++;
  if (r.checked) summary.checked++;
  if (r.unreadable) summary.unreadable++;
  summary.errors += r.errors ?? 0;
  summary.warnings += r.warnings ?? 0;
}

function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
