import { fileURLToPath } from 'node:url';
import { WorkspaceFolderList } from '../host';

/** The workspace folders with the file-system paths of the `file:` ones: what the server may read besides open documents. */
export class WorkspaceFolderPaths extends WorkspaceFolderList {
  constructor() {
    super(filePath);
  }
}

function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    // a folder URI Node cannot map to a path holds nothing the server could read
    return undefined;
  }
}
