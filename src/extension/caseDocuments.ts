import * as vscode from 'vscode';

/** Case files are the Markdown files matching `clinalign.caseFiles` (default `**\/*.case.md`). */
export function isLintable(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'markdown' || document.uri.scheme === 'output') return false;
  const glob = vscode.workspace.getConfiguration('clinalign', document.uri).get<string>('caseFiles', '**/*.case.md');
  return vscode.languages.match({ language: 'markdown', pattern: glob }, document) > 0;
}

/** The workspace folder of a case: its project root when nothing above the case names one (caseProjectRoot). */
export function workFolderOf(uri: vscode.Uri): string | undefined {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
}
