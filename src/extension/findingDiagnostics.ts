import * as vscode from 'vscode';
import type { CaseLintResult } from '../core/lint/lintCase';
import type { Principle } from '../core/principles/principle';
import type { Severity } from '../core/principles/schema';

export const DIAGNOSTIC_SOURCE = 'clinalign';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A file URI that opens the principle's YAML at its line (VS Code reads `#L<line>` fragments). */
export function principleUri(principle: Principle): vscode.Uri {
  return vscode.Uri.file(principle.location.file).with({ fragment: `L${principle.location.line + 1}` });
}

/** Findings and front-matter problems of one case as diagnostics. */
export function toDiagnostics(
  document: Pick<vscode.TextDocument, 'positionAt'>,
  result: CaseLintResult,
  principleById: (id: string) => Principle | undefined,
): vscode.Diagnostic[] {
  const frontMatter = result.document.problems.map((p) => {
    const start = new vscode.Position(p.line, p.column);
    const end =
      p.endLine !== undefined ? new vscode.Position(p.endLine, p.endColumn ?? p.column) : start.translate(0, 1);
    const diagnostic = new vscode.Diagnostic(
      new vscode.Range(start, end),
      `Front matter: ${p.message}`,
      vscode.DiagnosticSeverity.Error,
    );
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = 'case.front-matter';
    return diagnostic;
  });
  const findings = result.findings.map((finding) => {
    const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
    const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[finding.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    const principle = principleById(finding.principleId);
    if (principle) {
      const target = principleUri(principle);
      diagnostic.code = { value: principle.id, target };
      const line = new vscode.Position(principle.location.line, principle.location.column);
      diagnostic.relatedInformation = [
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(vscode.Uri.file(principle.location.file), line),
          `${principle.title}: ${principle.statement}`,
        ),
      ];
    } else {
      diagnostic.code = finding.principleId;
    }
    return diagnostic;
  });
  return [...frontMatter, ...findings];
}
