import * as path from 'node:path';
import * as vscode from 'vscode';
import { caseIdOf } from '../../core/case/revisionHistory';
import type { CaseLintResult } from '../../core/lint/lintCase';
import type { Principle } from '../../core/principles/principle';
import { applicablePrinciples } from '../../core/workflows/applicablePrinciples';
import { currentResult } from '../editor/caseReport';
import type { ExtensionServices } from '../services';

/** A case document as the model commands need it, captured at one document version. */
export interface ModelCase {
  document: vscode.TextDocument;
  version: number;
  text: string;
  result: CaseLintResult;
  caseId: string;
  /** The principles that apply: those the rubric names, then the top of the ranked pool. */
  principles: Principle[];
  /** Where `.clinalign/history/` goes: the case's workspace folder, else its own folder. */
  root: string;
}

/** The case in the given (or active) editor, or undefined after telling the user what to open. */
export async function modelCase(services: Pick<ExtensionServices, 'controller' | 'host'>, uri?: vscode.Uri | string): Promise<ModelCase | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri) : vscode.window.activeTextEditor?.document;
  const result = document && currentResult(services, document);
  if (!document || !result) {
    void vscode.window.showInformationMessage('ClinAlign: open a case file (one matching "clinalign.caseFiles") first.');
    return undefined;
  }
  if (result.document.problems.length > 0) {
    void vscode.window.showWarningMessage(`ClinAlign: fix the front matter first (${result.document.problems[0]!.message}).`);
    return undefined;
  }
  const { data, question } = result.document;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return {
    document,
    version: document.version,
    text: document.getText(),
    result,
    caseId: caseIdOf(document.uri.fsPath, data.id),
    principles: applicablePrinciples(services.host.library.principles, result.classification.scenario, question, data.rubric ?? [], undefined, services.host.library.lexicon),
    root: folder ? folder.uri.fsPath : path.dirname(document.uri.fsPath),
  };
}

/** True (after saying so) when the case has no question for the model to work from. */
export function lacksQuestion(c: ModelCase): boolean {
  if (c.result.document.question.trim() !== '') return false;
  void vscode.window.showWarningMessage('ClinAlign: this case has no question: add `prompt:` or `conversation:` to the front matter.');
  return true;
}

/** The document is still at the version the command read; else says that nothing was changed. */
export function unchangedSince(c: ModelCase, what: string): boolean {
  if (!c.document.isClosed && c.document.version === c.version) return true;
  void vscode.window.showWarningMessage(`ClinAlign: the case changed while the model was working, so the ${what} was not written. Run the command again.`);
  return false;
}

/** Offsets in the document as a Range. */
export function rangeOf(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}
