import * as vscode from 'vscode';
import type { ModelFinding } from '../../core/workflows/checkWithModel';
import { principleUri } from '../findingDiagnostics';
import type { PrincipleLibraryHost } from '../principleLibraryHost';

export const MODEL_DIAGNOSTIC_SOURCE = 'clinalign (model)';

/**
 * Model-judged findings, kept apart from the lint's own: they come from one request at one document version,
 * so any edit of the document clears them rather than leaving them on the wrong words.
 */
export class ModelDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('clinalign-model');
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly host: PrincipleLibraryHost) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.collection.delete(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    ];
  }

  publish(
    document: vscode.TextDocument,
    bodyStart: number,
    findings: readonly ModelFinding[],
    model: string,
  ): vscode.Diagnostic[] {
    const diagnostics = findings.map((finding) => {
      const range = new vscode.Range(
        document.positionAt(bodyStart + finding.start),
        document.positionAt(bodyStart + finding.end),
      );
      const diagnostic = new vscode.Diagnostic(
        range,
        `${finding.message} (${model})`,
        vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = MODEL_DIAGNOSTIC_SOURCE;
      const principle = this.host.principle(finding.principleId);
      diagnostic.code = principle ? { value: principle.id, target: principleUri(principle) } : finding.principleId;
      return diagnostic;
    });
    this.collection.set(document.uri, diagnostics);
    return diagnostics;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
