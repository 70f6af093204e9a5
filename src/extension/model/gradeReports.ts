import * as path from 'node:path';
import * as vscode from 'vscode';
import { REPORT_SCHEME, type ReadOnlyDocuments } from './readOnlyDocuments';

/**
 * The latest grade report of each case in this session. A report opens as a *locked* Markdown preview: an
 * unlocked one follows the active editor, so clicking another file replaced the report (issue 15). Closed, it
 * can be reopened from the case with "ClinAlign: Show grade report".
 */
export class GradeReports {
  private readonly byCase = new Map<string, vscode.Uri>();

  constructor(private readonly documents: ReadOnlyDocuments) {}

  /** Keeps `markdown` as the case's report and shows it beside the case. */
  async show(caseUri: vscode.Uri, caseId: string, markdown: string): Promise<vscode.Uri> {
    const report = this.documents.set(
      vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/grade/${caseId}.md` }),
      markdown,
    );
    this.byCase.set(caseUri.toString(), report);
    await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', report);
    return report;
  }

  /** Reopens the case's latest report; says so when the case has not been graded in this session. */
  async reopen(caseUri: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    const report = caseUri && this.byCase.get(caseUri.toString());
    if (!report) {
      const name = caseUri ? path.basename(caseUri.path) : 'this file';
      void vscode.window.showInformationMessage(
        `ClinAlign: ${name} has no grade report in this session. Run "ClinAlign: Grade answer", or open the review panel, which shows the grades it recorded.`,
      );
      return undefined;
    }
    await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', report);
    return report;
  }
}
