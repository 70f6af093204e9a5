import * as vscode from 'vscode';
import type { CaseLintResult } from '../../core/lint/lintCase';
import { mechanicalFixes } from '../../core/lint/mechanicalFixes';

/** One edit applying every mechanical (quick-fixable) finding of the document; undefined when there are none. */
export function mechanicalFixEdit(document: vscode.TextDocument, result: CaseLintResult): { edit: vscode.WorkspaceEdit; count: number } | undefined {
  const fixes = mechanicalFixes(result.findings);
  if (fixes.length === 0) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const fix of fixes) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(fix.start), document.positionAt(fix.end)), fix.replacement);
  }
  return { edit, count: fixes.length };
}
