import * as vscode from 'vscode';
import { DEFAULT_REPOSITORY } from '../../../common/protocol';

/** `owner/name` of the repository SEP pull requests go to (`sep.github.repository`). */
export function sepRepository(): string {
  return vscode.workspace.getConfiguration('sep.github').get<string>('repository')?.trim() || DEFAULT_REPOSITORY;
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
