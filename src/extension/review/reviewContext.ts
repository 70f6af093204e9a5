import * as path from 'node:path';
import * as vscode from 'vscode';
import { caseIdOf } from '../../core/case/revisionHistory';
import type { ModelClient } from '../../core/model/modelClient';
import type { WorkflowOptions } from '../../core/workflows/workflowOptions';
import type { ExtensionServices } from '../services';

/** The part of the model session service the panel uses (absent until the model feature is wired in). */
export interface ReviewModelAccess {
  status(scope?: vscode.Uri): { state: string; detail: string };
  run<T>(
    title: string,
    scope: vscode.Uri | undefined,
    work: (client: ModelClient, options: Required<WorkflowOptions>) => Promise<T>,
  ): Promise<{ status: 'done'; value: T } | { status: 'cancelled' } | { status: 'failed'; message: string } | { status: 'unavailable'; message: string }>;
  readonly onDidChangeStatus?: vscode.Event<void>;
}

export interface ReviewDeps {
  services: Pick<ExtensionServices, 'context' | 'log' | 'host' | 'controller'>;
  model: ReviewModelAccess | undefined;
}

/** Where a case's `.clinalign/` files go: its workspace folder, else its own folder (as the model commands). */
export function caseRoot(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder ? folder.uri.fsPath : path.dirname(uri.fsPath);
}

export function caseIdFor(uri: vscode.Uri, id: string | undefined): string {
  return caseIdOf(uri.fsPath, id);
}

/** The editor column showing the case, so that what the panel opens goes next to it, not over the panel. */
export function caseColumn(uri: vscode.Uri): vscode.ViewColumn {
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.viewColumn ?? vscode.ViewColumn.One;
}
