import { PREVIEW_DIAGNOSTICS_NOTIFICATION, type PreviewDiagnostic, type PreviewDiagnosticsParams } from '../../../common/protocol';

/**
 * Diagnostics shown before the language client has started: the findings the server process started at module load
 * sends back for the documents previewed to it (`sep/previewDiagnostics`).
 *
 * Where opening a SEP is what starts the extension, the extension host loads our code, then waits for the window to
 * hand over the extension's stored state before it calls `activate`; measured in code-server, the language client
 * published its first diagnostics about 0.6 s after the code loaded, while the process started at load had checked
 * the document well before. The findings are the server's own, for the text previewed, with the settings the editor
 * resolved for that document; the client's first diagnostics for a document replace them, in the same turn.
 *
 * The rules of what shows: a document's early diagnostics show only while the document is open at the version
 * previewed, and until the language client publishes for it; they go when the document changes or closes, when the
 * client publishes for it or stops, and when the extension is deactivated. Editor-free, so it is tested in Node; the
 * editor's side is {@link EarlyDiagnosticsView}.
 */
export class EarlyDiagnostics {
  /** URI → the document version previewed, for the documents whose early diagnostics may still show. */
  private readonly waiting = new Map<string, number>();
  private readonly shown = new Set<string>();
  private done = false;

  constructor(private readonly view: EarlyDiagnosticsView) {}

  /** A document was sent to the server at this version. */
  previewed(uri: string, version: number): void {
    if (!this.done) this.waiting.set(uri, version);
  }

  /** A message from the server process; anything but `sep/previewDiagnostics` is not ours and is ignored. */
  receive(message: unknown): void {
    const params = readPreviewDiagnostics(message);
    if (!params || this.done) return;
    const version = this.waiting.get(params.uri);
    if (version === undefined || this.view.versionOf(params.uri) !== version) return;
    this.shown.add(params.uri);
    this.view.show(params.uri, params.diagnostics);
  }

  /** The document changed, closed, or the language client published its diagnostics: its early ones go. */
  drop(uri: string): void {
    this.waiting.delete(uri);
    if (this.shown.delete(uri)) this.view.clear(uri);
    if (this.waiting.size === 0) this.dispose();
  }

  /** The language client stopped, or the extension is deactivated: every early diagnostic goes, and none comes. */
  dispose(): void {
    if (this.done) return;
    this.done = true;
    this.waiting.clear();
    this.shown.clear();
    this.view.dispose();
  }

  /** Whether early diagnostics may still show: some previewed document waits for its client diagnostics. */
  get active(): boolean {
    return !this.done && this.waiting.size > 0;
  }
}

/** What {@link EarlyDiagnostics} needs of the editor. */
export interface EarlyDiagnosticsView {
  /** The version of the open document, or undefined when it is not open. */
  versionOf(uri: string): number | undefined;
  show(uri: string, diagnostics: readonly PreviewDiagnostic[]): void;
  clear(uri: string): void;
  /** Nothing more will show: the view lets go of what it holds. */
  dispose(): void;
}

/** The params of a `sep/previewDiagnostics` notification when `message` is a well-formed one; else undefined. */
export function readPreviewDiagnostics(message: unknown): PreviewDiagnosticsParams | undefined {
  const m = message as { method?: unknown; params?: Partial<PreviewDiagnosticsParams> } | undefined;
  if (m?.method !== PREVIEW_DIAGNOSTICS_NOTIFICATION) return undefined;
  const p = m.params;
  if (typeof p?.uri !== 'string' || !Array.isArray(p.diagnostics)) return undefined;
  const diagnostics = p.diagnostics.filter(isDiagnostic);
  return diagnostics.length === p.diagnostics.length ? { uri: p.uri, diagnostics } : undefined;
}

function isDiagnostic(d: unknown): d is PreviewDiagnostic {
  const x = d as Partial<PreviewDiagnostic> | undefined;
  const position = (p: unknown) => Number.isInteger((p as { line?: unknown })?.line) && Number.isInteger((p as { character?: unknown })?.character);
  return (typeof x?.message === 'string' || typeof (x?.message as { value?: unknown } | undefined)?.value === 'string') && position(x?.range?.start) && position(x?.range?.end);
}
