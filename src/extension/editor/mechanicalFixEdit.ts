import * as vscode from 'vscode';
import type { CaseLintResult } from '../../core/lint/lintCase';
import { mechanicalFixes } from '../../core/lint/mechanicalFixes';
import { textChangeEdit } from './textChangeEdit';

/** One edit applying every mechanical (quick-fixable) finding of the document; undefined when there are none. */
export function mechanicalFixEdit(
  document: vscode.TextDocument,
  result: CaseLintResult,
): { edit: vscode.WorkspaceEdit; count: number } | undefined {
  const fixes = mechanicalFixes(result.findings);
  if (fixes.length === 0) return undefined;
  const edit = textChangeEdit(
    document,
    fixes.map((fix) => ({ start: fix.start, end: fix.end, newText: fix.replacement })),
  );
  return { edit, count: fixes.length };
}
