import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { readSettings } from '../settings';

/** The reviewer's name: the setting `clinalign.reviewerName`, else `git config user.name`, else undefined. */
export async function reviewerName(scope: vscode.Uri): Promise<string | undefined> {
  const configured = readSettings(scope).reviewerName;
  if (configured) return configured;
  const folder = vscode.workspace.getWorkspaceFolder(scope);
  const cwd = folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd, timeout: 3000 }, (error, stdout) =>
      resolve(error ? undefined : stdout.trim() || undefined),
    );
  });
}

/** Asks once for a name when neither the setting nor git has one, and offers to keep it in the setting. */
export async function askReviewerName(scope: vscode.Uri): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({
    title: 'ClinAlign: your name as reviewer',
    prompt: 'Written to the case’s review: block. Saved in the user setting clinalign.reviewerName.',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'A name is needed' : undefined),
  });
  if (!name?.trim()) return undefined;
  await vscode.workspace
    .getConfiguration('clinalign', scope)
    .update('reviewerName', name.trim(), vscode.ConfigurationTarget.Global);
  return name.trim();
}
