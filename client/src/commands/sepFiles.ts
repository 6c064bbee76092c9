import * as vscode from 'vscode';
import { isSepFile } from '../../../server/src/sep';
import { DEFAULT_REPOSITORY } from '../../../server/src/sep/scaffold';
import { normalizeSettings, type ServerSettings } from '../../../server/src/settings';
import { CHECKED_SCHEMES } from '../languageClient';

/** The `sep` settings for a resource, read and cleaned the same way the server reads them. */
export function sepSettings(scope?: vscode.Uri): ServerSettings {
  const c = vscode.workspace.getConfiguration('sep', scope);
  return normalizeSettings({
    validate: { enable: c.get('validate.enable') },
    files: { include: c.get('files.include') },
    rules: c.get('rules'),
    finalSeps: c.get('finalSeps'),
  });
}

/** `owner/name` of the repository SEP pull requests go to (`sep.github.repository`). */
export function sepRepository(): string {
  return vscode.workspace.getConfiguration('sep.github').get<string>('repository')?.trim() || DEFAULT_REPOSITORY;
}

/** Whether the server treats this document as a SEP: Markdown, a checked scheme, and a SEP by path or first heading. */
export function isSepDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== 'markdown' || !CHECKED_SCHEMES.includes(doc.uri.scheme)) return false;
  return isSepFile(doc.uri.path, doc.getText(), sepSettings(doc.uri).files.include);
}

/** The base name of a URI's path. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Whether something exists at `uri`. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Today as `YYYY-MM-DD` in UTC, the calendar the engine checks Created against. */
export function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}
