import * as vscode from 'vscode';
import type { SidebarModel } from './model';
import { childNodes, rootNodes, type ConformanceLookup, type SidebarNode } from './nodes';

/**
 * Adapts the {@link SidebarModel} to a `TreeDataProvider`. All text comes from `nodes.ts`; this file
 * only chooses icons, context values and click commands. Labels, descriptions and tooltips are plain
 * strings, so text from GitHub is never rendered as Markdown.
 */
export class SepTreeDataProvider implements vscode.TreeDataProvider<SidebarNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SidebarNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly model: () => SidebarModel, private readonly conformance?: ConformanceLookup) {}

  /** Re-reads the whole tree. */
  update(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: SidebarNode): SidebarNode[] {
    const model = this.model();
    return node ? childNodes(node, model.time(), this.conformance) : rootNodes(model);
  }

  getTreeItem(node: SidebarNode): vscode.TreeItem {
    switch (node.type) {
      case 'problem':
        return item(node, vscode.TreeItemCollapsibleState.None, {
          iconPath: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground')),
          description: 'Retry',
          tooltip: `${node.label}\nClick to retry.`,
          contextValue: node.offerSignIn ? 'sepProblem.signIn' : 'sepProblem',
          command: { command: 'sep.sidebar.retry', title: 'Retry' },
        });
      case 'action':
        return item(node, vscode.TreeItemCollapsibleState.None, {
          iconPath: new vscode.ThemeIcon('github'),
          contextValue: 'sepAction',
          command: { command: node.command, title: node.label },
        });
      case 'notice':
        return item(node, vscode.TreeItemCollapsibleState.None, { iconPath: new vscode.ThemeIcon('history'), contextValue: 'sepNotice' });
      case 'group':
        return item(node, vscode.TreeItemCollapsibleState.Expanded, {
          description: node.description,
          tooltip: `${node.label}: ${node.description} open SEP${node.description === '1' ? '' : 's'}`,
          contextValue: 'sepGroup',
        });
      case 'sep':
        return item(node, vscode.TreeItemCollapsibleState.None, {
          iconPath: new vscode.ThemeIcon(
            node.item.kind === 'pull' ? 'git-pull-request' : 'issues',
            node.stale ? new vscode.ThemeColor('list.warningForeground') : undefined,
          ),
          description: node.description,
          tooltip: node.tooltip,
          contextValue: node.item.kind === 'pull' ? 'sepPullRequest' : 'sepIssue',
          command: { command: 'sep.sidebar.openSep', title: 'Open SEP', arguments: [node] },
          accessibilityInformation: { label: `${node.label}, ${node.description}` },
        });
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function item(node: SidebarNode, state: vscode.TreeItemCollapsibleState, props: Partial<vscode.TreeItem>): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(node.label, state);
  treeItem.id = node.id;
  Object.assign(treeItem, props);
  return treeItem;
}
