import * as vscode from 'vscode';

/**
 * A small in-memory file system for the web extension's test, served under `vscode-vfs:` (github.dev's scheme, which
 * code-server leaves unclaimed): what github.dev's repository file system looks like to an extension.
 */
export class MemFs implements vscode.FileSystemProvider {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  /** Adds or replaces a file (its folders exist implicitly). */
  put(uri: vscode.Uri, text: string): void {
    const existed = this.files.has(uri.path);
    this.files.set(uri.path, { data: new TextEncoder().encode(text), mtime: Date.now() });
    this.emitter.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: file.mtime, mtime: file.mtime, size: file.data.length };
    if (this.isDirectory(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    const out = new Map<string, vscode.FileType>();
    for (const path of this.files.keys()) {
      if (!path.startsWith(prefix)) continue;
      const [name, ...rest] = path.slice(prefix.length).split('/');
      out.set(name, rest.length ? vscode.FileType.Directory : vscode.FileType.File);
    }
    if (!out.size && !this.isDirectory(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
    return [...out];
  }

  createDirectory(): void {}

  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    const exists = this.files.has(uri.path);
    if (!exists && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (exists && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    this.files.set(uri.path, { data: content, mtime: Date.now() });
    this.emitter.fire([{ type: exists ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri): void {
    if (!this.files.delete(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
    this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { overwrite: boolean }): void {
    const file = this.files.get(oldUri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(oldUri);
    if (this.files.has(newUri.path) && !options.overwrite) throw vscode.FileSystemError.FileExists(newUri);
    this.files.delete(oldUri.path);
    this.files.set(newUri.path, file);
    this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri: oldUri }, { type: vscode.FileChangeType.Created, uri: newUri }]);
  }

  private isDirectory(path: string): boolean {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    return [...this.files.keys()].some((p) => p.startsWith(prefix));
  }
}
