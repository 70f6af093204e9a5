import * as vscode from 'vscode';
import type { TextChange } from '../../core/lint/disableCommentEdits';

/** A core text change (offsets) as a WorkspaceEdit on the document. */
export function textChangeEdit(document: vscode.TextDocument, change: TextChange): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
  return edit;
}
