import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';

/** Who the author is according to git (`user.name`, `user.email`); empty strings when unknown. */
export interface GitIdentity {
  name: string;
  email: string;
}

/**
 * What differs between the desktop extension (extension.ts) and the web extension (browserExtension.ts): each entry
 * file passes its own, so esbuild bundles only that one and the browser build holds no Node built-in.
 */
export interface ClientPlatform {
  /** The language client for the bundled server: a Node process on the desktop, a Web Worker in the browser. */
  createLanguageClient(context: vscode.ExtensionContext, options: LanguageClientOptions): BaseLanguageClient;
  /**
   * Whether the extension host can start local processes: the MCP server of SEP tools (dist/mcp.js, stdio) is
   * offered only then (not in the browser).
   */
  startsProcesses: boolean;
  /** git's user.name and user.email for New SEP's author line (none in the browser, which has no git). */
  gitIdentity(folder: vscode.Uri | undefined): Promise<GitIdentity>;
}
