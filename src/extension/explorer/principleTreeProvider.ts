import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SeverityMap } from '../../core/lint/remapSeverity';
import {
  buildPrincipleTree,
  normalizeFilter,
  type PrincipleTree,
  type PrincipleTreeNode,
} from '../../core/catalogue/principleTree';
import type { ExtensionServices } from '../services';
import type { ActiveCase } from './activeCase';
import { brokenFileItem, dimensionItem, principleItem, type TreeItemContext } from './principleTreeItems';

/** The Principles view: the library grouped by dimension, filtered, marked against the active case. */
export class PrincipleTreeProvider implements vscode.TreeDataProvider<PrincipleTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private tree: PrincipleTree | undefined;
  private filterText: string | undefined;

  constructor(
    private readonly services: ExtensionServices,
    private readonly activeCase: ActiveCase,
  ) {}

  get filter(): string | undefined {
    return this.filterText;
  }

  setFilter(filter: string | undefined): void {
    this.filterText = normalizeFilter(filter);
    this.refresh();
  }

  /** Drops the cached tree; it is rebuilt from the host's current library when the view asks for it. */
  refresh(): void {
    this.tree = undefined;
    this.changed.fire();
  }

  /** The tree as it is now (the view's title and message read it too). */
  current(): PrincipleTree {
    const library = this.services.host.library;
    const applicable = this.activeCase.applicable();
    this.tree ??= buildPrincipleTree(library.principles, {
      filter: this.filterText,
      scenario: this.activeCase.scenario,
      ...(applicable && { applicable }),
      ...this.settings(),
      brokenFiles: this.services.host.brokenFiles,
    });
    return this.tree;
  }

  getChildren(element?: PrincipleTreeNode): PrincipleTreeNode[] {
    if (!element) {
      const tree = this.current();
      return [...tree.brokenFiles, ...tree.dimensions];
    }
    return element.kind === 'dimension' ? element.principles : [];
  }

  getTreeItem(element: PrincipleTreeNode): vscode.TreeItem {
    const context = this.itemContext();
    switch (element.kind) {
      case 'dimension':
        return dimensionItem(element, context);
      case 'principle':
        return principleItem(element, context);
      case 'broken-file':
        return brokenFileItem(element, context);
    }
  }

  private itemContext(): TreeItemContext {
    const uri = this.activeCase.uri;
    const scenario = this.activeCase.scenario;
    return {
      filter: this.filterText,
      scenario,
      caseName: uri && scenario ? path.basename(uri.fsPath) : undefined,
      firstProblem: (file) => this.services.diagnostics.get(vscode.Uri.file(file))?.[0],
    };
  }

  /** Read for the active case's folder by the same object the lint controller uses for that file. */
  private settings(): { disabledIds: Set<string>; severityMap: SeverityMap } {
    const severityMap = this.services.controller.lintSettings.severityMapFor(this.activeCase.uri);
    return {
      disabledIds: new Set(Object.keys(severityMap).filter((key) => severityMap[key] === 'off' && key.includes('.'))),
      severityMap,
    };
  }

  dispose(): void {
    this.changed.dispose();
  }
}
