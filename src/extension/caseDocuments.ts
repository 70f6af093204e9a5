import * as vscode from 'vscode';

/** Case files are `*.case.md`; plain Markdown only when the user asks for it. */
export function isLintable(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'markdown' || document.uri.scheme === 'output') return false;
  if (document.uri.path.toLowerCase().endsWith('.case.md')) return true;
  return vscode.workspace.getConfiguration('clinalign', document.uri).get<boolean>('lintPlainMarkdown', false);
}
