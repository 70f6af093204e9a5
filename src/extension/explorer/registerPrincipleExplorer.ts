import type * as vscode from 'vscode';
import type { ExtensionServices } from '../services';

/** The principle explorer tree view (see issue 4). */
export function registerPrincipleExplorer(_services: ExtensionServices): vscode.Disposable[] {
  return [];
}
