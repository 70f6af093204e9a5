import * as vscode from 'vscode';
import type { LintController } from './lintController';
import { DIAGNOSTIC_SOURCE } from './findingDiagnostics';

/** Quick fixes for `replace` findings, read from the lint result of the current version (no re-lint here). */
export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly controller: LintController) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.controller.resultFor(document);
    if (!result) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      const id = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const finding = result.findings.find((f) => f.fix && f.principleId === id && f.start === start && f.end === end);
      if (!finding?.fix) continue;
      const action = new vscode.CodeAction(`Replace with “${finding.fix.replacement}”`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(
        document.uri,
        new vscode.Range(document.positionAt(finding.fix.start), document.positionAt(finding.fix.end)),
        finding.fix.replacement,
      );
      actions.push(action);
    }
    return actions;
  }
}
