/// <reference types="mocha" />
/**
 * Completion and hover on a SEP header, asked through VS Code's own provider commands so the answer is
 * what an author sees (our language server's items merged with every other provider's).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, cleanUp, referenceSepCopy, referenceSepsDir } from './helpers';

const REFERENCE = '2164-resource-not-found-error.md';

/** The text of a hover's contents, whatever form each part takes. */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('completion and hover on the header', function () {
  let doc: vscode.TextDocument;

  before(async function () {
    const refDir = referenceSepsDir(this);
    await activateExtension();
    const uri = referenceSepCopy(refDir, REFERENCE, '2164-editing.md');
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
  });

  after(() => cleanUp(doc?.uri));

  /** Position just after `- **<field>**: ` on the field's line. */
  function valuePosition(field: string): vscode.Position {
    for (let line = 0; line < doc.lineCount; line++) {
      const text = doc.lineAt(line).text;
      const marker = `**${field}**:`;
      const at = text.indexOf(marker);
      if (at >= 0) return new vscode.Position(line, at + marker.length + 1);
    }
    throw new Error(`no ${field} field in the header`);
  }

  it('completes the Status value with the lifecycle statuses', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', doc.uri, valuePosition('Status'),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const status of ['Draft', 'In-Review', 'Accepted', 'Final']) {
      assert.ok(labels.includes(status), `${status} missing from completion: ${JSON.stringify(labels.slice(0, 40))}`);
    }
  });

  it('completes the Type value with the SEP types', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', doc.uri, valuePosition('Type'),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const type of ['Standards Track', 'Extensions Track', 'Informational', 'Process']) {
      assert.ok(labels.includes(type), `${type} missing from completion: ${JSON.stringify(labels.slice(0, 40))}`);
    }
  });

  it('explains a header field on hover', async () => {
    const status = valuePosition('Status');
    const onName = new vscode.Position(status.line, doc.lineAt(status.line).text.indexOf('Status') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, onName);
    const text = hoverText(hovers);
    assert.ok(text.trim().length > 0, 'no hover on the Status field');
    assert.match(text, /Draft|In-Review|Final/, `the Status hover should say which statuses it may hold, got: ${text}`);
  });
});
