import type * as vscode from 'vscode';
import type { CaseLintResult } from '../../core/lint/lintCase';
import { scenarioReport, type ScenarioReport } from '../../core/scenario/scenarioReport';
import { isLintable } from '../caseDocuments';
import type { ExtensionServices } from '../services';

/** The current lint result of a case document, linting it first when the cached one is stale. */
export function currentResult(services: Pick<ExtensionServices, 'controller'>, document: vscode.TextDocument): CaseLintResult | undefined {
  if (!isLintable(document)) return undefined;
  return services.controller.resultFor(document) ?? (services.controller.lintNowSync(document), services.controller.resultFor(document));
}

/** The scenario report of a case document's cached lint result (for the status item: no re-lint). */
export function cachedReport(services: Pick<ExtensionServices, 'controller' | 'host'> & Partial<Pick<ExtensionServices, 'model'>>, document: vscode.TextDocument): ScenarioReport | undefined {
  const result = services.controller.resultFor(document);
  return result && reportOf(services, result);
}

export function reportOf(services: Pick<ExtensionServices, 'host'> & Partial<Pick<ExtensionServices, 'model'>>, result: CaseLintResult): ScenarioReport {
  const { principles, lexicon } = services.host.library;
  return scenarioReport(result.classification, principles, result.document.question, services.model?.status().state, lexicon);
}
