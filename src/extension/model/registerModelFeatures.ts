import * as vscode from 'vscode';
import { caseFilesGlob } from '../caseDocuments';
import type { ExtensionServices } from '../services';
import { clearApiKey, setApiKey } from './apiKeyStore';
import { checkAnswerWithModel } from './checkCommand';
import { classifyScenarioWithModel, type ClassifyWithModelArguments } from './classifyWithModelCommand';
import { configureModel } from './configureModelCommand';
import { gradeWithModel } from './gradeCommand';
import { GradeReports } from './gradeReports';
import { ModelDiagnostics } from './modelDiagnostics';
import { ModelStatusItem } from './modelStatusItem';
import { ReadOnlyDocuments } from './readOnlyDocuments';
import { reviseWithModel, type ReviseArguments } from './reviseCommand';
import { RevisionCodeActionProvider } from './revisionCodeActionProvider';
import { RevisionReview } from './revisionReview';
import { synthesizeRubricWithModel } from './synthesizeCommand';

/** Model commands, the revision diff with Accept/Reject, model diagnostics, the endpoint status item. */
export function registerModelFeatures(services: ExtensionServices): vscode.Disposable[] {
  const { model, log } = services;
  const documents = new ReadOnlyDocuments();
  const review = new RevisionReview(documents, log);
  const reports = new GradeReports(documents);
  const diagnostics = new ModelDiagnostics(services.host);
  const caseFiles = () => ({ language: 'markdown', pattern: caseFilesGlob() });
  const status = new ModelStatusItem(model, caseFiles());
  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
  const uriOf = (arg: unknown) =>
    typeof arg === 'string' ? arg : arg instanceof vscode.Uri ? arg.toString() : undefined;
  return [
    ...documents.register(),
    diagnostics,
    status,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('clinalign.caseFiles')) status.selector = caseFiles();
    }),
    vscode.languages.registerCodeActionsProvider(
      { language: 'markdown' },
      new RevisionCodeActionProvider((id) => services.host.principle(id)),
      RevisionCodeActionProvider.metadata,
    ),
    command('clinalign.setApiKey', (key?: string) =>
      setApiKey(services.apiKeys, log, typeof key === 'string' ? key : undefined),
    ),
    command('clinalign.clearApiKey', () => clearApiKey(services.apiKeys, log)),
    command('clinalign.configureModel', () => configureModel(model)),
    command('clinalign.resetEndpointTrust', async () => {
      const count = await model.resetTrust();
      void vscode.window.showInformationMessage(
        `ClinAlign: forgot ${count} endpoint answer${count === 1 ? '' : 's'} for this workspace; you will be asked again.`,
      );
      return count;
    }),
    command('clinalign.cancelModelRequests', () => model.cancelAll()),
    command('clinalign.synthesizeRubricWithModel', (uri?: unknown) =>
      synthesizeRubricWithModel(services, model, uriOf(uri)),
    ),
    command('clinalign.classifyScenarioWithModel', (args?: ClassifyWithModelArguments) =>
      classifyScenarioWithModel(
        services,
        model,
        args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : {},
      ),
    ),
    command('clinalign.gradeAnswer', (uri?: unknown) => gradeWithModel(services, model, reports, uriOf(uri))),
    command('clinalign.showGradeReport', (uri?: unknown) => {
      const target = uriOf(uri) ?? vscode.window.activeTextEditor?.document.uri.toString();
      return reports.reopen(target ? vscode.Uri.parse(target) : undefined);
    }),
    command('clinalign.checkAnswerWithModel', (uri?: unknown) =>
      checkAnswerWithModel(services, model, diagnostics, uriOf(uri)),
    ),
    command('clinalign.reviseAnswer', (args?: ReviseArguments) =>
      reviseWithModel(services, model, review, { ...reviseArgs(args), principleId: undefined }),
    ),
    command('clinalign.reviseWithModel', (args?: ReviseArguments) =>
      reviseWithModel(services, model, review, reviseArgs(args)),
    ),
    command('clinalign.acceptRevision', (uri?: vscode.Uri, options?: { force?: boolean }) =>
      review.accept(uri instanceof vscode.Uri ? uri : undefined, { force: options?.force === true }),
    ),
    command('clinalign.rejectRevision', (uri?: vscode.Uri) =>
      review.reject(uri instanceof vscode.Uri ? uri : undefined),
    ),
  ];
}

/** Palette and editor-title invocations pass a URI or nothing; code actions and tests pass an object. */
function reviseArgs(args: unknown): ReviseArguments {
  if (args instanceof vscode.Uri) return { uri: args.toString() };
  return args && typeof args === 'object' ? (args as ReviseArguments) : {};
}
