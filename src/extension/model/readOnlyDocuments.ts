import * as vscode from 'vscode';

/** The revision drafts shown side by side; the editor-title Accept/Reject buttons are keyed on this scheme. */
export const REVISION_SCHEME = 'clinalign-revision';
/** Grade reports and other model results shown as read-only Markdown. */
export const REPORT_SCHEME = 'clinalign-report';

/** Read-only documents whose text the extension holds in memory: revision drafts and grade reports. */
export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): vscode.Uri {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  delete(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '(this revision was accepted or rejected and is no longer available)\n';
  }

  register(): vscode.Disposable[] {
    return [
      this,
      vscode.workspace.registerTextDocumentContentProvider(REVISION_SCHEME, this),
      vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this),
    ];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
