import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { WORKSPACE_INDEX_NOTIFICATION, type WorkspaceIndexParams } from '../../common/protocol';

/** The files the index is made of, as the server's disk index finds them. */
const INDEX_GLOB = '{**/seps/*.md,**/MAINTAINERS.md}';
const SEP_FILE = /^\d+-.*\.md$/i;
/** Files larger than this are not sent (the disk index skips them too). */
const MAX_FILE = 2 * 1024 * 1024;
const MAX_FILES = 2000;
/** Reads in flight at once: a virtual file system (github.dev) fetches each over the network. */
const PARALLEL_READS = 8;

/**
 * Hands the language server the workspace index of every folder it cannot read itself (any scheme but `file:`,
 * e.g. `vscode-vfs://` on github.dev): the SEP files of `seps/` folders and MAINTAINERS.md, read through
 * `vscode.workspace.fs` and sent as `sep/workspaceIndex`, then kept current from a file system watcher, so that
 * completion, hover and links know the workspace's SEPs and maintainers there too.
 */
export function registerWorkspaceIndex(client: BaseLanguageClient): vscode.Disposable {
  const feeders = new Map<string, vscode.Disposable>();
  const add = (folder: vscode.WorkspaceFolder): void => {
    const key = folder.uri.toString();
    if (folder.uri.scheme !== 'file' && !feeders.has(key)) feeders.set(key, feedFolder(client, folder));
  };
  for (const folder of vscode.workspace.workspaceFolders ?? []) add(folder);
  const folderChanges = vscode.workspace.onDidChangeWorkspaceFolders((e) => {
    for (const folder of e.removed) {
      const key = folder.uri.toString();
      feeders.get(key)?.dispose();
      if (feeders.delete(key)) send(client, { folder: key, full: true, files: [] });
    }
    for (const folder of e.added) add(folder);
  });
  return new vscode.Disposable(() => {
    folderChanges.dispose();
    for (const feeder of feeders.values()) feeder.dispose();
    feeders.clear();
  });
}

/** Sends the folder's index files once, then each change the watcher sees. */
function feedFolder(client: BaseLanguageClient, folder: vscode.WorkspaceFolder): vscode.Disposable {
  const key = folder.uri.toString();
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, INDEX_GLOB));
  const changed = async (uri: vscode.Uri): Promise<void> => {
    if (!isIndexFile(uri)) return;
    const text = await readText(uri);
    send(client, text === undefined ? { folder: key, full: false, files: [], deleted: [uri.toString()] } : { folder: key, full: false, files: [{ uri: uri.toString(), text }] });
  };
  const subscriptions = [
    watcher,
    watcher.onDidCreate(changed),
    watcher.onDidChange(changed),
    watcher.onDidDelete((uri) => send(client, { folder: key, full: false, files: [], deleted: [uri.toString()] })),
  ];
  void indexFiles(folder).then(async (uris) => {
    const files: WorkspaceIndexParams['files'] = [];
    for (let i = 0; i < uris.length; i += PARALLEL_READS) {
      const texts = await Promise.all(uris.slice(i, i + PARALLEL_READS).map(readText));
      texts.forEach((text, j) => {
        if (text !== undefined) files.push({ uri: uris[i + j].toString(), text });
      });
    }
    send(client, { folder: key, full: true, files });
  });
  return vscode.Disposable.from(...subscriptions);
}

/**
 * The folder's SEP files and MAINTAINERS.md files: found by the workspace search where the file system offers one
 * (github.dev does), and always the folder's own `seps/` and MAINTAINERS.md, listed directly.
 */
async function indexFiles(folder: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  const keep = (uri: vscode.Uri): void => {
    if (isIndexFile(uri) && found.size < MAX_FILES) found.set(uri.toString(), uri);
  };
  try {
    for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, INDEX_GLOB), '**/node_modules/**', MAX_FILES)) keep(uri);
  } catch {
    // No search for this file system: the direct listing below still finds the usual layout.
  }
  const seps = vscode.Uri.joinPath(folder.uri, 'seps');
  try {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(seps)) if (type === vscode.FileType.File) keep(vscode.Uri.joinPath(seps, name));
  } catch {
    // no seps/ folder
  }
  keep(vscode.Uri.joinPath(folder.uri, 'MAINTAINERS.md'));
  return [...found.values()];
}

function isIndexFile(uri: vscode.Uri): boolean {
  const parts = uri.path.split('/');
  const name = parts[parts.length - 1];
  return name === 'MAINTAINERS.md' || (parts[parts.length - 2] === 'seps' && SEP_FILE.test(name));
}

/** The file's text; undefined when it is missing, not a file, or too large. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type !== vscode.FileType.File || stat.size > MAX_FILE) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

function send(client: BaseLanguageClient, params: WorkspaceIndexParams): void {
  client.sendNotification(WORKSPACE_INDEX_NOTIFICATION, params).catch(() => undefined);
}
