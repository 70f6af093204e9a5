import * as vscode from 'vscode';

/**
 * A MarkdownString for text built from files and model replies (escaped with escapeMarkdown): never trusted,
 * so no `command:` link runs, and no HTML, whatever the text holds.
 */
export function untrustedMarkdown(markdown: string): vscode.MarkdownString {
  const result = new vscode.MarkdownString(markdown);
  result.isTrusted = false;
  result.supportHtml = false;
  return result;
}
