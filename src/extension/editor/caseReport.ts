import type * as vscode from 'vscode';
import type { CaseLintResult } from '../../core/lint/lintCase';
import { scenarioReport, type ScenarioReport } from '../../core/scenario/scenarioReport';
import type { Case } from '../../core/workflows/case';
import { isLintable } from '../caseDocuments';
import type { ExtensionServices } from '../services';

/** The current lint result of a case document, linting it first when the cached one is stale. */
export function currentResult(
  services: Pick<ExtensionServices, 'controller'>,
  document: vscode.TextDocument,
): CaseLintResult | undefined {
  if (!isLintable(document)) return undefined;
  return (
    services.controller.resultFor(document) ??
    (services.controller.lintNowSync(document), services.controller.resultFor(document))
  );
}

/** The Case of a case document at its current version, linting it first when the cached lint is stale. */
export function currentCase(
  services: Pick<ExtensionServices, 'controller'>,
  document: vscode.TextDocument,
): Case | undefined {
  return currentResult(services, document) && services.controller.caseFor(document);
}

/** The scenario report of a case document's cached lint result (for the status item: no re-lint). */
export function cachedReport(
  services: Partial<Pick<ExtensionServices, 'model'>> & Pick<ExtensionServices, 'controller'>,
  document: vscode.TextDocument,
): ScenarioReport | undefined {
  const c = services.controller.caseFor(document);
  return c && reportOf(services, c);
}

/** The scenario and how many principles apply: the Case's own, so the explorer's ticks count the same. */
export function reportOf(services: Partial<Pick<ExtensionServices, 'model'>>, c: Case): ScenarioReport {
  return scenarioReport(c.classification, c.applicable.length, services.model?.status().state);
}
