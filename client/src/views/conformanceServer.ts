import * as vscode from 'vscode';
import { State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { CONFORMANCE_STATUS_NOTIFICATION } from '../../../common/protocol';
import type { SidebarApi } from './register';

/**
 * Tells the language server what the sidebar knows of the conformance repository (`sep/conformanceStatus`):
 * now (the saved read, or `null` for none), after each change, and again whenever the server (re)starts.
 * Never asks GitHub itself: the sidebar reads the manifest when it is visible or a command asks.
 */
export function shareConformanceStatus(client: LanguageClient, sidebar: SidebarApi): vscode.Disposable {
  const push = (): void => {
    if (!client.isRunning()) return;
    client.sendNotification(CONFORMANCE_STATUS_NOTIFICATION, sidebar.conformance.status ?? null).then(undefined, () => undefined);
  };
  push();
  return vscode.Disposable.from(
    sidebar.onDidChangeConformance(push),
    client.onDidChangeState((e) => e.newState === State.Running && push()),
  );
}
