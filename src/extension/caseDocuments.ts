import * as vscode from 'vscode';
import { readSettings } from './settings';

/** The glob of case files: `clinalign.caseFiles` for `scope` (a document's folder), else the default. */
export function caseFilesGlob(scope?: vscode.Uri): string {
  return readSettings(scope).caseFiles;
}

/** Case files are the Markdown files matching `clinalign.caseFiles` (default `**\/*.case.md`). */
export function isLintable(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'markdown' || document.uri.scheme === 'output') return false;
  return vscode.languages.match({ language: 'markdown', pattern: caseFilesGlob(document.uri) }, document) > 0;
}

/** The workspace folder of a case: its project root when nothing above the case names one (caseProjectRoot). */
export function workFolderOf(uri: vscode.Uri): string | undefined {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
}
