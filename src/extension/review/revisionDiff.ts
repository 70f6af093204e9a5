import * as vscode from 'vscode';
import { parseCase } from '../../core/case/parseCase';
import { readHistory } from '../../core/case/revisionHistory';

/** A recorded history entry beside the current answer (the review panel's history list); not a proposal, so not REVISION_SCHEME. */
export const HISTORY_SCHEME = 'clinalign-history';

/**
 * Read-only documents for the revision diff: `clinalign-history:/<case>.md?root=<project>&history=<file>&entry=<n>`
 * is one entry of a history file, `…?answer=<case uri>` is the answer of the case document as it is now.
 */
export class RevisionDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription = vscode.workspace.onDidChangeTextDocument((e) => {
    for (const doc of vscode.workspace.textDocuments) {
      if (
        doc.uri.scheme === HISTORY_SCHEME &&
        new URLSearchParams(doc.uri.query).get('answer') === e.document.uri.toString()
      )
        this.changed.fire(doc.uri);
    }
  });

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const query = new URLSearchParams(uri.query);
    const answer = query.get('answer');
    if (answer) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(answer));
      return parseCase(document.getText()).body;
    }
    // The history is read inside its project only, never through a symbolic link (readHistory refuses).
    const entries = await readHistory(query.get('root') ?? '', query.get('history') ?? '').catch((error: Error) => {
      void vscode.window.showWarningMessage(`ClinAlign: ${error.message}`);
      return [];
    });
    return entries[Number(query.get('entry'))]?.text ?? '';
  }

  dispose(): void {
    this.changed.dispose();
    this.subscription.dispose();
  }
}

/** Opens `vscode.diff`: a history entry on the left, the case's current answer on the right. */
export async function openRevisionDiff(
  caseUri: vscode.Uri,
  root: string,
  historyFile: string,
  entry: number,
  label: string,
): Promise<void> {
  const name = caseUri.path.split('/').pop() ?? 'case';
  const left = vscode.Uri.from({
    scheme: HISTORY_SCHEME,
    path: `/${name}`,
    query: new URLSearchParams({ root, history: historyFile, entry: String(entry) }).toString(),
  });
  const right = vscode.Uri.from({
    scheme: HISTORY_SCHEME,
    path: `/${name}`,
    query: new URLSearchParams({ answer: caseUri.toString() }).toString(),
  });
  await vscode.commands.executeCommand('vscode.diff', left, right, `${name}: ${label} ↔ current answer`, {
    preview: true,
  });
}
