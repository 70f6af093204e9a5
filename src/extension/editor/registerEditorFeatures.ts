import type * as vscode from 'vscode';
import type { ExtensionServices } from '../services';

/** Hover, code actions, commands, status item and walkthrough: registered here (see issue 4). */
export function registerEditorFeatures(_services: ExtensionServices): vscode.Disposable[] {
  return [];
}
