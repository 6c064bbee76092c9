import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WorkspaceFolderPaths } from './features/folders';
import { WorkspaceIndexer } from './features/workspace';
import { WorkspaceCheck } from './features/workspaceCheck';
import type { ServerHost } from './host';
import { isInside } from './paths';
import { TraceFileIndex } from './features/traceFiles';
import { bundledParseWorker } from './parse/worker';

/** The desktop server's host: reads the workspace folders from disk, links the rule pages shipped beside dist/. */
export function nodeHost(): ServerHost {
  return {
    defer: (fn) => setImmediate(fn),
    // The bundles live in dist/; the .vsix ships docs/rules/ beside it.
    ruleDocsRoot: pathToFileURL(join(__dirname, '..') + '/').href,
    folders: new WorkspaceFolderPaths(),
    diskIndex: (folders) => new WorkspaceIndexer(folders),
    workspaceCheck: (ctx) => new WorkspaceCheck(ctx),
    fileExists,
    // Long Markdown slices are parsed in a worker thread running this same bundle (dist/server.js).
    remoteParser: bundledParseWorker(__dirname),
    traceFiles: (folders, openText) => new TraceFileIndex(folders, openText),
    readWorkspaceFile,
    warmUp: true,
  };
}

/** Files the server reads whole to compare with a traceability file: a SEP is far smaller. */
const MAX_READ = 1024 * 1024;

/** A file's text when its real path is inside one of the workspace folders and it is small enough; else undefined. */
function readWorkspaceFile(uri: string, folders: readonly string[]): string | undefined {
  try {
    if (!uri.startsWith('file:')) return undefined;
    const real = realpathSync(fileURLToPath(uri));
    if (!folders.some((f) => isInside(realpathSync(f), real))) return undefined;
    const st = statSync(real);
    return st.isFile() && st.size <= MAX_READ ? readFileSync(real, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function fileExists(uri: string): boolean {
  try {
    return uri.startsWith('file:') && existsSync(fileURLToPath(uri));
  } catch {
    return false;
  }
}
