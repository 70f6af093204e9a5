import * as vscode from 'vscode';
import { caseIdOf } from '../../core/case/revisionHistory';
import { caseProjectRoot } from '../../core/project/caseProjectRoot';
import type { ModelClient } from '../../core/model/modelClient';
import type { WorkflowOptions } from '../../core/workflows/workflowOptions';
import { workFolderOf } from '../caseDocuments';
import type { ExtensionServices } from '../services';

/** The part of the model session service the panel uses (absent until the model feature is wired in). */
export interface ReviewModelAccess {
  status(scope?: vscode.Uri): { state: string; detail: string };
  run<T>(
    title: string,
    scope: vscode.Uri | undefined,
    work: (client: ModelClient, options: Required<WorkflowOptions>) => Promise<T>,
  ): Promise<
    | { status: 'done'; value: T }
    | { status: 'cancelled' }
    | { status: 'failed'; message: string }
    | { status: 'unavailable'; message: string }
  >;
  readonly onDidChangeStatus?: vscode.Event<void>;
}

export interface ReviewDeps {
  services: Pick<ExtensionServices, 'context' | 'log' | 'host' | 'controller'>;
  model: ReviewModelAccess | undefined;
}

/** Where a case's `.clinalign/` files go: the same project root as its Case (and the CLI's). */
export function caseRoot(uri: vscode.Uri): string {
  return caseProjectRoot(uri.fsPath, workFolderOf(uri));
}

export function caseIdFor(uri: vscode.Uri, id: string | undefined): string {
  return caseIdOf(uri.fsPath, id);
}

/** The editor column showing the case, so that what the panel opens goes next to it, not over the panel. */
export function caseColumn(uri: vscode.Uri): vscode.ViewColumn {
  return (
    vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.viewColumn ??
    vscode.ViewColumn.One
  );
}

/** A message for the panel's notice line: the core's lower-case reason as a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
