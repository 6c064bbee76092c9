import type { SetPrNumberParams, SetPrNumberResult } from '../../../common/protocol';
import { numberedFileName, parsePrNumber, setPrNumberEdits } from '../sep/numbering';
import type { FeatureEnv } from './env';

/**
 * **SEP: Set PR Number…** on the server, which owns the SEP: one workspace edit that renames the file to
 * `<number>-<slug>.md` and then, on the renamed file, numbers the title and points the PR field at the pull
 * request (renaming first: an auto-save of the edited text can never bring the old file back). Refuses, changing
 * nothing, when the document is no SEP or the new name is taken.
 */
export function setPrNumber(env: FeatureEnv, params: SetPrNumberParams): SetPrNumberResult {
  const uri = params.textDocument.uri;
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const ctx = env.documentContext(uri);
  if (!ctx) return { error: `${name} is not a SEP file (a Markdown file in seps/ named <number>-<slug>.md, or one whose title starts with "SEP-").` };
  const number = parsePrNumber(params.number);
  if (!number) return { error: `"${params.number}" is not a pull request number.` };
  const newName = numberedFileName(ctx.fileName, number);
  const newUri = uri.slice(0, uri.lastIndexOf('/') + 1) + encodeURIComponent(newName);
  if (newName !== ctx.fileName && env.fileExists(newUri)) return { error: `${newName} already exists in this folder. Nothing was changed.` };
  const edits = setPrNumberEdits(ctx.doc, number, params.repository);
  const rename = newUri === uri ? [] : [{ kind: 'rename', oldUri: uri, newUri, options: { overwrite: false } }];
  return { edit: { documentChanges: [...rename, { textDocument: { uri: newUri, version: null }, edits }] }, newUri };
}
