import * as vscode from 'vscode';
import type { BrokenFileNode, DimensionNode, PrincipleNode } from '../../core/catalogue/principleTree';
import {
  brokenFileLabel,
  brokenFileTooltip,
  dimensionDescription,
  dimensionLabel,
  dimensionTooltip,
  principleDescription,
  principleTooltip,
} from '../../core/catalogue/principleTreeText';
import type { Severity } from '../../core/principles/schema';
import type { Scenario } from '../../core/scenario/labels';
import { untrustedMarkdown } from '../untrustedMarkdown';

/** What an item needs to know about the explorer's state. */
export interface TreeItemContext {
  filter?: string;
  scenario?: Scenario;
  caseName?: string;
  /** The first problem reported in a file, to show and to jump to. */
  firstProblem(file: string): vscode.Diagnostic | undefined;
}

const SEVERITY_ICONS: Record<Severity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};

const displayPath = (file: string) => vscode.workspace.asRelativePath(file);

export function dimensionItem(node: DimensionNode, context: TreeItemContext): vscode.TreeItem {
  // A filtered tree opens its groups; a distinct id keeps the unfiltered tree's own expansion state.
  const state = context.filter ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(dimensionLabel(node), state);
  item.id = context.filter ? `dimension:${node.dimension}:filtered:${context.filter}` : `dimension:${node.dimension}`;
  item.description = dimensionDescription(node, context.filter !== undefined);
  item.tooltip = dimensionTooltip(node, context.caseName);
  item.contextValue = 'dimension';
  return item;
}

export function principleItem(node: PrincipleNode, context: TreeItemContext): vscode.TreeItem {
  const { principle } = node;
  const item = new vscode.TreeItem(principle.title, vscode.TreeItemCollapsibleState.None);
  item.id = `principle:${principle.id}`;
  item.description = principleDescription(node);
  const icon = SEVERITY_ICONS[node.severity];
  item.iconPath = node.disabledBy ? new vscode.ThemeIcon(icon.id, new vscode.ThemeColor('disabledForeground')) : icon;
  item.tooltip = untrustedMarkdown(principleTooltip(node, displayPath, context.scenario));
  item.contextValue = node.disabledBy ? 'principle.disabled' : 'principle';
  const { file, line, column } = principle.location;
  item.command = openAt(vscode.Uri.file(file), new vscode.Range(line, column, line, column), 'Open principle');
  return item;
}

export function brokenFileItem(node: BrokenFileNode, context: TreeItemContext): vscode.TreeItem {
  const item = new vscode.TreeItem(brokenFileLabel(node), vscode.TreeItemCollapsibleState.None);
  item.id = `broken:${node.file}`;
  const problem = context.firstProblem(node.file);
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  item.tooltip = brokenFileTooltip(node, displayPath, problem?.message);
  item.resourceUri = vscode.Uri.file(node.file);
  item.contextValue = 'brokenFile';
  item.command = openAt(vscode.Uri.file(node.file), problem?.range ?? new vscode.Range(0, 0, 0, 0), 'Open file');
  return item;
}

function openAt(uri: vscode.Uri, selection: vscode.Range, title: string): vscode.Command {
  const options: vscode.TextDocumentShowOptions = { selection, preview: true };
  return { command: 'vscode.open', title, arguments: [uri, options] };
}
