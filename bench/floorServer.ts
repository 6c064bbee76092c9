/**
 * The in-editor benchmark's stand-in for our language server (`SEP_BENCH_FLOOR=1`): it answers every version of a
 * document at once, in the same turn as the change, with the one diagnostic the benchmark waits for (the digit after
 * `mentions SEP-`, quoted as ours quotes it) and analyses nothing. Timed in place of dist/server.js, beside the same
 * peer, it is the floor any language server could reach there: what the editor and the extension host add.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const MARKER = 'mentions SEP-';
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
documents.onDidChangeContent(({ document }) => {
  const text = document.getText();
  const at = text.lastIndexOf(MARKER);
  if (at < 0) return;
  const position = document.positionAt(at);
  const message = `Link SEP-${text[at + MARKER.length]} so readers can open it.`;
  void connection.sendDiagnostics({
    uri: document.uri,
    version: document.version,
    diagnostics: [{ range: { start: position, end: position }, message, source: 'sep', severity: 3 }],
  });
});
documents.listen(connection);
connection.listen();
