import * as vscode from 'vscode';
import type { GitHubClient } from '../github/client';
import { fetchSepDoc, parseSepDocPath, SEP_GITHUB_SCHEME, sepDocPath, sepDocQuery, type SepDocRef } from './sepDocuments';

/**
 * Serves `sep-github:` documents: read-only Markdown fetched from GitHub, never written to the
 * workspace. Text fetched by Open SEP is handed over directly; a document restored after a reload
 * is fetched again.
 */
export class SepDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly client: () => GitHubClient) {
    this.subscription = vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.scheme === SEP_GITHUB_SCHEME) this.texts.delete(doc.uri.toString());
    });
  }

  /** The URI for a document reference. */
  static uri(ref: SepDocRef): vscode.Uri {
    return vscode.Uri.from({ scheme: SEP_GITHUB_SCHEME, path: sepDocPath(ref), query: sepDocQuery(ref) });
  }

  /** Fetches a document's text now (so failures surface before an editor opens) and remembers it. */
  async prefetch(ref: SepDocRef): Promise<vscode.Uri> {
    const uri = SepDocumentProvider.uri(ref);
    this.texts.set(uri.toString(), await fetchSepDoc(this.client(), ref));
    return uri;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const known = this.texts.get(uri.toString());
    if (known !== undefined) return known;
    const ref = parseSepDocPath(uri.path);
    if (!ref) throw new Error(`Not a SEP document address: ${uri.path}`);
    const text = await fetchSepDoc(this.client(), ref);
    this.texts.set(uri.toString(), text);
    return text;
  }

  dispose(): void {
    this.subscription.dispose();
    this.texts.clear();
  }
}
