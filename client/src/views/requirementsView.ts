import { traceFileNumber } from '../../../common/traceFile';
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { REQUIREMENTS_REQUEST, type RequirementsParams, type RequirementsResult } from '../../../common/protocol';
import { levelCounts, requirementRoots, requirementsMessage, requirementsSnapshot, type RequirementNode, type RequirementsSnapshot } from './requirements';

/** The view id (package.json `contributes.views`). */
export const REQUIREMENTS_VIEW_ID = 'sep.requirements';
/** Runs when a statement is clicked: selects its range in the SEP. */
const REVEAL_COMMAND = 'sep.requirements.reveal';
/** How long typing must pause before the list is asked for again. */
const EDIT_DEBOUNCE_MS = 400;

const LEVEL_ICONS = { must: 'circle-filled', should: 'circle-large-outline', may: 'circle-outline' } as const;
/** A traceability file's path: editing one can change the coverage shown. */

/**
 * The "SEP Requirements" view: the active SEP's normative statements from the language server
 * (`sep/requirements`), asked for when the view is visible and the active SEP, or a traceability file, changes
 * (edits debounced).
 * Plain-text labels and tooltips only. `sep.requirements.refresh` returns what the view shows.
 */
class RequirementsView implements vscode.TreeDataProvider<RequirementNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RequirementNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<RequirementNode>;
  private uri: string | undefined;
  private result: RequirementsResult | undefined;
  private problem: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private asked = 0;

  constructor(private readonly client: LanguageClient) {
    this.view = vscode.window.createTreeView(REQUIREMENTS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.render();
  }

  listen(): vscode.Disposable[] {
    const traceFiles = vscode.workspace.createFileSystemWatcher('**/sep-*.{yaml,yml}');
    const traceFileChanged = (): void => this.schedule(EDIT_DEBOUNCE_MS);
    return [
      this.view,
      traceFiles,
      traceFiles.onDidCreate(traceFileChanged),
      traceFiles.onDidChange(traceFileChanged),
      traceFiles.onDidDelete(traceFileChanged),
      this.view.onDidChangeVisibility((e) => e.visible && this.schedule(0)),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        const relevant = e.document.uri.toString() === this.uri || traceFileNumber(e.document.uri.path) !== undefined;
        if (relevant && e.contentChanges.length > 0) this.schedule(EDIT_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => d.uri.toString() === this.uri && this.show(undefined, undefined)),
    ];
  }

  /** Asks the server again after `ms`, only while the view is visible (a command refreshes regardless). */
  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.view.visible && void this.refresh(), ms);
  }

  /** Lists the active Markdown document's statements; while another kind of editor is active, the last SEP's again. */
  async refresh(): Promise<RequirementsSnapshot> {
    clearTimeout(this.timer);
    const document = vscode.window.activeTextEditor?.document;
    const uri = document?.languageId === 'markdown' ? document.uri.toString() : this.uri;
    if (uri) {
      const mine = ++this.asked;
      try {
        const params: RequirementsParams = { uri };
        const result = await this.client.sendRequest<RequirementsResult>(REQUIREMENTS_REQUEST, params);
        if (mine === this.asked) this.show(uri, result);
      } catch (error) {
        if (mine === this.asked) this.show(uri, undefined, `The SEP language server could not list the requirements: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return requirementsSnapshot(this.uri, this.result, this.problem);
  }

  private show(uri: string | undefined, result: RequirementsResult | undefined, problem?: string): void {
    this.uri = uri;
    this.result = result;
    this.problem = problem;
    this.render();
  }

  private render(): void {
    this.changed.fire(undefined);
    this.view.message = requirementsMessage(this.result, this.problem);
    this.view.description = this.result?.statements.length ? levelCounts(this.result.statements) : undefined;
  }

  getChildren(node?: RequirementNode): RequirementNode[] {
    if (!node) return requirementRoots(this.result);
    return node.type === 'group' ? node.statements : [];
  }

  getTreeItem(node: RequirementNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.type === 'group' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    if (node.type === 'file') {
      item.iconPath = new vscode.ThemeIcon('checklist');
      item.tooltip = `Traceability file: ${node.label}\n${node.description}`;
      item.command = { command: 'vscode.open', title: 'Open Traceability File', arguments: [vscode.Uri.parse(node.uri)] };
    } else if (node.type === 'statement') {
      item.tooltip = node.tooltip;
      item.iconPath =
        node.covered === true
          ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
          : new vscode.ThemeIcon(LEVEL_ICONS[node.level], node.covered === false ? new vscode.ThemeColor('list.warningForeground') : undefined);
      item.contextValue = `sepRequirement.${node.level}`;
      item.command = { command: REVEAL_COMMAND, title: 'Go to Statement', arguments: [this.uri, node.range] };
      item.accessibilityInformation = { label: `${node.level.toUpperCase()}: ${node.label}, ${node.description}` };
    } else {
      item.iconPath = new vscode.ThemeIcon('symbol-structure');
      item.contextValue = 'sepRequirementGroup';
    }
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}

/** Selects `range` in the SEP at `uri` and scrolls it into view. */
async function reveal(uri: unknown, range: unknown): Promise<void> {
  if (typeof uri !== 'string' || !isRange(range)) return;
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function isRange(v: unknown): v is RequirementsResult['statements'][number]['range'] {
  const p = (x: unknown) => typeof x === 'object' && x !== null && Number.isInteger((x as { line?: unknown }).line) && Number.isInteger((x as { character?: unknown }).character);
  return typeof v === 'object' && v !== null && p((v as { start?: unknown }).start) && p((v as { end?: unknown }).end);
}

/** Registers the "SEP Requirements" view and its commands (refresh, go to statement). */
export function registerRequirementsView(client: LanguageClient): vscode.Disposable {
  const view = new RequirementsView(client);
  return vscode.Disposable.from(
    view,
    ...view.listen(),
    vscode.commands.registerCommand('sep.requirements.refresh', () => view.refresh()),
    vscode.commands.registerCommand(REVEAL_COMMAND, reveal),
  );
}
