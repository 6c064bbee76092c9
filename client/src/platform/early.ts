/**
 * The server process started as soon as the extension's code loads, and the findings it sends back before the
 * language client has started (earlyDiagnostics.ts). The desktop's entry imports this module before anything else
 * (extension.ts → platform → node.ts → here): the extension host evaluates the whole bundle before `activate`, and
 * measured in Node, the server process was started about 80 ms into that evaluation when this code sat behind the
 * language client and the commands' modules.
 */
import type { ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import { MAX_PREVIEW_CHARS, type PreviewDiagnostic, type PreviewParams } from '../../../common/protocol';
import { prestartServerProcess } from './serverProcess';
import { EarlyDiagnostics } from './earlyDiagnostics';

// The server process starts while the extension host prepares to call activate (see serverProcess.ts), with the
// Markdown files already open: the one being opened is what activates the extension. What it finds in them shows
// until the language client publishes (earlyDiagnostics.ts).
export const early = startEarly();

function startEarly(): EarlyDiagnostics {
  let collection: vscode.DiagnosticCollection | undefined;
  let child: ChildProcess | undefined;
  const listeners: vscode.Disposable[] = [];
  const onMessage = (message: unknown): void => early.receive(message);
  const early = new EarlyDiagnostics({
    versionOf: (uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.version,
    show: (uri, diagnostics) => {
      collection ??= vscode.languages.createDiagnosticCollection('sep-early');
      collection.set(vscode.Uri.parse(uri), diagnostics.map(toDiagnostic));
    },
    clear: (uri) => collection?.delete(vscode.Uri.parse(uri)),
    dispose: () => {
      child?.off('message', onMessage);
      collection?.dispose();
      for (const l of listeners.splice(0)) l.dispose();
    },
  });
  child = prestartServerProcess(() => openMarkdownFiles(early));
  // No process, or no document previewed: nothing will show.
  if (!child || !early.active) {
    early.dispose();
    return early;
  }
  child.on('message', onMessage);
  listeners.push(
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && early.drop(e.document.uri.toString())),
    vscode.workspace.onDidCloseTextDocument((d) => early.drop(d.uri.toString())),
  );
  return early;
}

/**
 * The Markdown documents on disk open in the editor (at most a few), for `sep/preview`, each with its `sep` settings
 * as the server would read them for its folder (or the window's, outside every folder); marked previewed in `early`.
 */
function openMarkdownFiles(early: EarlyDiagnostics): PreviewParams[] {
  return vscode.workspace.textDocuments
    .filter((d) => d.languageId === 'markdown' && d.uri.scheme === 'file')
    .slice(-3)
    .map((d) => ({ d, text: d.getText() }))
    .filter(({ text }) => text.length <= MAX_PREVIEW_CHARS)
    .map(({ d, text }) => {
      const folder = vscode.workspace.getWorkspaceFolder(d.uri);
      // As vscode-languageclient answers `workspace/configuration` for the section `sep` (JSON, through the IPC channel).
      const settings: unknown = vscode.workspace.getConfiguration(undefined, folder?.uri).get('sep') ?? null;
      early.previewed(d.uri.toString(), d.version);
      return { uri: d.uri.toString(), text, settings };
    });
}

const SEVERITY: Record<number, vscode.DiagnosticSeverity> = {
  1: vscode.DiagnosticSeverity.Error,
  2: vscode.DiagnosticSeverity.Warning,
  3: vscode.DiagnosticSeverity.Information,
  4: vscode.DiagnosticSeverity.Hint,
};

/** An LSP diagnostic as the editor's, the way vscode-languageclient converts the ones it publishes. */
function toDiagnostic(d: PreviewDiagnostic): vscode.Diagnostic {
  const { start, end } = d.range;
  const message = typeof d.message === 'string' ? d.message : d.message.value;
  const out = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), message, SEVERITY[d.severity ?? 1] ?? vscode.DiagnosticSeverity.Error);
  if (d.source !== undefined) out.source = d.source;
  if (d.code !== undefined) out.code = d.codeDescription ? { value: d.code, target: vscode.Uri.parse(d.codeDescription.href) } : d.code;
  return out;
}

