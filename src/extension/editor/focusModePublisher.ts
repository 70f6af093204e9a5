import * as vscode from 'vscode';
import { readSettings } from '../settings';

/**
 * Publishes diagnostics, hiding those on the cursor's line in the active editor while
 * `clinalign.focusMode` is on (as markdownlint does): a finding shows once the cursor leaves its line.
 */
export class FocusModePublisher implements vscode.Disposable {
  private readonly all = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
  /** The cursor lines last used to hide findings, per document: a re-publish only when they change. */
  private readonly hiddenLines = new Map<string, string>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly collection: vscode.DiagnosticCollection) {
    this.disposables = [
      vscode.window.onDidChangeTextEditorSelection((e) => this.refresh(e.textEditor.document.uri)),
      vscode.window.onDidChangeActiveTextEditor(() => {
        for (const key of [...this.hiddenLines.keys()]) this.refresh(vscode.Uri.parse(key));
        const active = vscode.window.activeTextEditor;
        if (active) this.refresh(active.document.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('clinalign.focusMode')) for (const { uri } of this.all.values()) this.show(uri);
      }),
    ];
  }

  set(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): void {
    this.all.set(uri.toString(), { uri, diagnostics });
    this.show(uri);
  }

  delete(uri: vscode.Uri): void {
    this.all.delete(uri.toString());
    this.hiddenLines.delete(uri.toString());
    this.collection.delete(uri);
  }

  private refresh(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.all.has(key)) return;
    if ((this.hiddenLines.get(key) ?? '') !== this.cursorLines(uri).join(',')) this.show(uri);
  }

  private show(uri: vscode.Uri): void {
    const key = uri.toString();
    const entry = this.all.get(key);
    if (!entry) return;
    const lines = this.cursorLines(uri);
    if (lines.length === 0) {
      this.hiddenLines.delete(key);
      this.collection.set(uri, entry.diagnostics);
      return;
    }
    this.hiddenLines.set(key, lines.join(','));
    const hidden = new Set(lines);
    this.collection.set(
      uri,
      entry.diagnostics.filter((d) => !(hidden.has(d.range.start.line) || hidden.has(d.range.end.line))),
    );
  }

  /** Lines holding a cursor in the active editor of this document, when focus mode is on. */
  private cursorLines(uri: vscode.Uri): number[] {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.uri.toString() !== uri.toString()) return [];
    if (!readSettings(uri).focusMode) return [];
    return [...new Set(editor.selections.map((s) => s.active.line))].sort((a, b) => a - b);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
