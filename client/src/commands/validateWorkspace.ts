import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { VALIDATE_WORKSPACE_REQUEST, type ValidationSummary } from '../../../common/protocol';

export type { ValidationSummary };

/**
 * `sep.validateWorkspace`: asks the language server, the one SEP analyser, to check every SEP file in the
 * workspace. The server publishes the diagnostics of the files that are not open (and keeps them current as
 * files change); this shows progress, lets the author cancel, and reports the totals.
 */
export async function validateWorkspace(client: LanguageClient): Promise<ValidationSummary> {
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Checking SEPs in the workspace…', cancellable: true },
    (_progress, token) => client.sendRequest<ValidationSummary>(VALIDATE_WORKSPACE_REQUEST, {}, token),
  );
  void vscode.window.showInformationMessage(describe(summary));
  return summary;
}

function describe(s: ValidationSummary): string {
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const open = s.seps - s.checked;
  const parts = [
    `${s.cancelled ? 'Stopped after' : 'Checked'} ${plural(s.seps, 'SEP')}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')} in the Problems panel.`,
  ];
  if (open > 0) parts.push(`${open} open in editors ${open === 1 ? 'is' : 'are'} checked as you type.`);
  if (s.unreadable > 0) parts.push(`${plural(s.unreadable, 'file')} could not be read.`);
  return parts.join(' ');
}
