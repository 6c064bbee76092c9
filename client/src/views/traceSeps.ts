import * as vscode from 'vscode';
import { State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { TRACE_SEP_NOTIFICATION, type TraceSepParams } from '../../../common/protocol';
import { parseRepository } from '../github/client';
import { traceFileNumber } from '../../../common/traceFile';
import { fetchSepFile } from '../github/sepFile';
import type { SidebarApi } from './register';

/**
 * When a traceability file (`sep-<number>.yaml`) is open and neither the workspace's `seps/` folder nor an open
 * document holds that SEP, reads it from the SEP repository on GitHub (`sep.github.repository`, through the
 * sidebar's client and sign-in rules) and hands it to the language server (`sep/traceSep`), which then reports
 * the file's rows that match none of its statements. Asks GitHub at most once per SEP number and window, and only
 * for a file the author opened.
 */
export function shareTraceSeps(client: LanguageClient, sidebar: SidebarApi, log: (line: string) => void = () => undefined): vscode.Disposable {
  const asked = new Map<number, Promise<TraceSepParams | undefined>>();
  const consider = async (document: vscode.TextDocument): Promise<void> => {
    const number = traceFileNumber(document.uri.path);
    if (number === undefined || asked.has(number)) return;
    const local = await vscode.workspace.findFiles(`**/seps/${number}-*.md`, '**/node_modules/**', 1);
    if (local.length > 0) return;
    const repository = vscode.workspace.getConfiguration('sep.github').get<string>('repository') ?? '';
    const ref = parseRepository(repository);
    if (!ref) return;
    const read = fetchSepFile(sidebar.client, ref, number).then(
      (found) => (found ? { number, uri: `https://github.com/${ref.owner}/${ref.repo}/blob/HEAD/${found.path}`, text: found.text } : undefined),
      (err: unknown) => {
        log(`Could not read SEP-${number} from ${repository} for its traceability file: ${err instanceof Error ? err.message : String(err)}`);
        asked.delete(number);
        return undefined;
      },
    );
    asked.set(number, read);
    send(await read);
  };
  const send = (params: TraceSepParams | undefined): void => {
    if (params && client.isRunning()) client.sendNotification(TRACE_SEP_NOTIFICATION, params).then(undefined, () => undefined);
  };
  for (const d of vscode.workspace.textDocuments) void consider(d);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument((d) => void consider(d)),
    // A restarted server has forgotten what it was sent.
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) for (const read of asked.values()) void read.then(send);
    }),
  );
}
