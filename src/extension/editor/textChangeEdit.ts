import * as vscode from 'vscode';
import type { TextChange } from '../../core/text/textChange';

/**
 * Core text changes (offsets in `document`) as one WorkspaceEdit: the only place the extension builds one, so
 * every edit of a case — panel, model commands, quick fixes, Accept — is a single undoable step.
 */
export function textChangeEdit(
  document: vscode.TextDocument,
  changes: TextChange | readonly TextChange[],
): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of Array.isArray(changes) ? changes : [changes as TextChange]) {
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)),
      change.newText,
    );
  }
  return edit;
}

/** Applies core text changes to the document as one edit; false when the editor refused it. */
export function applyTextChange(
  document: vscode.TextDocument,
  changes: TextChange | readonly TextChange[],
): Thenable<boolean> {
  return vscode.workspace.applyEdit(textChangeEdit(document, changes));
}
