import * as vscode from 'vscode';
import type { CaseLintResult } from '../../core/lint/lintCase';
import type { Principle } from '../../core/principles/principle';
import type { Case } from '../../core/workflows/case';
import { notReady, type CaseNeed } from '../../core/workflows/caseReadiness';
import { currentResult } from '../editor/caseReport';
import type { ExtensionServices } from '../services';

/** A case document as the model commands need it, captured at one document version. */
export interface ModelCase {
  document: vscode.TextDocument;
  version: number;
  /** The core's Case of this version: scenario, applicable principles, id, project root. */
  case: Case;
  text: string;
  /** The lint as the editor shows it (the team's and the user's severity settings applied). */
  result: CaseLintResult;
  caseId: string;
  /** The principles the model prompts get (the Case's `promptPrinciples`). */
  principles: readonly Principle[];
  /** Where `.clinalign/history/` and `grades/` go (the Case's project root, as the CLI's). */
  root: string;
}

/** The case in the given (or active) editor, or undefined after telling the user what to open. */
export async function modelCase(
  services: Pick<ExtensionServices, 'controller' | 'host'>,
  uri?: vscode.Uri | string,
): Promise<ModelCase | undefined> {
  const document = uri
    ? await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri)
    : vscode.window.activeTextEditor?.document;
  const result = document && currentResult(services, document);
  const c = document && result && services.controller.caseFor(document);
  if (!document || !result || !c) {
    void vscode.window.showInformationMessage(
      'ClinAlign: open a case file (one matching "clinalign.caseFiles") first.',
    );
    return undefined;
  }
  if (refused(c, [])) return undefined;
  return {
    document,
    version: document.version,
    case: c,
    text: c.text,
    result,
    caseId: c.id,
    principles: c.promptPrinciples,
    root: c.root,
  };
}

/** True (after saying why) when the case lacks what the workflow needs: the readiness check the CLI uses. */
export function refused(c: Case, needs: readonly CaseNeed[]): boolean {
  const reason = notReady(c, needs);
  if (!reason) return false;
  void vscode.window.showWarningMessage(`ClinAlign: ${reason.message}.`);
  return true;
}

/** True (after saying so) when the case has no question for the model to work from. */
export function lacksQuestion(c: ModelCase): boolean {
  return refused(c.case, ['question']);
}

/** The document is still at the version the command read; else says that nothing was changed. */
export function unchangedSince(c: ModelCase, what: string): boolean {
  if (!c.document.isClosed && c.document.version === c.version) return true;
  void vscode.window.showWarningMessage(
    `ClinAlign: the case changed while the model was working, so the ${what} was not written. Run the command again.`,
  );
  return false;
}
