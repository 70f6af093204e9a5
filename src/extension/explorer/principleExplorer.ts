import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import { ActiveCase } from './activeCase';
import { showApplicablePrinciples } from './applicablePrinciplesCommand';
import { PrincipleTreeProvider } from './principleTreeProvider';

export const PRINCIPLES_VIEW = 'clinalign.principles';
const FILTERED_CONTEXT_KEY = 'clinalign.explorerFiltered';

/** Owns the view and keeps it current: library reloads, the active case's scenario, the settings. */
export class PrincipleExplorer implements vscode.Disposable {
  readonly tree: PrincipleTreeProvider;
  private readonly activeCase: ActiveCase;
  private readonly view: vscode.TreeView<unknown>;
  private readonly disposables: vscode.Disposable[];

  private readonly host: ExtensionServices['host'];

  constructor(services: ExtensionServices) {
    this.host = services.host;
    this.activeCase = new ActiveCase(services.controller);
    this.tree = new PrincipleTreeProvider(services, this.activeCase);
    this.view = vscode.window.createTreeView(PRINCIPLES_VIEW, { treeDataProvider: this.tree, showCollapseAll: true });
    const refresh = () => this.refresh();
    this.disposables = [
      this.activeCase,
      this.tree,
      this.view,
      services.host.onDidChange(refresh),
      this.activeCase.onDidChange(refresh),
      // The settings and the team's config file decide what is disabled and which files are cases.
      services.controller.lintSettings.onDidChange(refresh),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (['disabledPrinciples', 'severity', 'caseFiles'].some((name) => e.affectsConfiguration(`clinalign.${name}`)))
          refresh();
      }),
      vscode.commands.registerCommand('clinalign.explorer.filter', (text?: unknown) => this.filter(text)),
      vscode.commands.registerCommand('clinalign.explorer.clearFilter', () => this.setFilter(undefined)),
      vscode.commands.registerCommand('clinalign.explorer.refresh', () => services.host.reloadAndNotify()),
      vscode.commands.registerCommand('clinalign.showApplicablePrinciples', (uri?: unknown) =>
        showApplicablePrinciples(services, uri instanceof vscode.Uri ? uri : undefined),
      ),
    ];
    this.updateTitle();
  }

  /** With a string argument (tests, keybindings) filters at once; without one asks, filtering as you type. */
  private async filter(text?: unknown): Promise<void> {
    if (typeof text === 'string') return this.setFilter(text);
    const previous = this.tree.filter;
    const input = vscode.window.createInputBox();
    input.title = 'Filter principles';
    input.placeholder = 'Text in the id, title or statement, e.g. "red flag" or "urgency."';
    input.value = previous ?? '';
    let accepted = false;
    await new Promise<void>((resolve) => {
      input.onDidChangeValue((value) => void this.setFilter(value));
      input.onDidAccept(() => {
        accepted = true;
        input.hide();
      });
      input.onDidHide(() => resolve());
      input.show();
    });
    input.dispose();
    // Escape restores the filter that was there before.
    if (!accepted) await this.setFilter(previous);
  }

  private async setFilter(text: string | undefined): Promise<void> {
    this.tree.setFilter(text);
    this.updateTitle();
    await vscode.commands.executeCommand('setContext', FILTERED_CONTEXT_KEY, this.tree.filter !== undefined);
  }

  private refresh(): void {
    this.tree.refresh();
    this.updateTitle();
  }

  /** The view's description shows the filter and the case; its message says when nothing matches. */
  private updateTitle(): void {
    const filter = this.tree.filter;
    const uri = this.activeCase.uri;
    const caseName = uri && this.activeCase.scenario ? path.basename(uri.fsPath) : undefined;
    this.view.description = [filter && `“${filter}”`, caseName].filter(Boolean).join(' · ') || undefined;
    const empty = filter !== undefined && this.tree.current().dimensions.length === 0;
    const restricted = this.host.ignoresWorkspaceFiles
      ? 'Restricted Mode: only the bundled principles are used; this workspace’s .clinalign principle and concept files are ignored until you trust it.'
      : undefined;
    this.view.message =
      [empty ? `No principle matches “${filter}”.` : undefined, restricted].filter(Boolean).join(' ') || undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
