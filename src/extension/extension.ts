import * as path from 'node:path';
import * as vscode from 'vscode';
import { isLintable } from './caseDocuments';
import { exportVerifiedExamples, type ExportArguments } from './dataset/exportDatasetCommand';
import { CaseStatusItem, type CaseStatusSnapshot } from './editor/caseStatusItem';
import { showWalkthroughOnFirstStart } from './editor/firstStartWalkthrough';
import { registerEditorFeatures } from './editor/registerEditorFeatures';
import { PrincipleExplorer } from './explorer/principleExplorer';
import { LintController } from './lintController';
import { ApiKeyStore } from './model/apiKeyStore';
import { ModelSessionService } from './model/modelSessionService';
import { userBaseUrl } from './model/modelSettings';
import { registerModelFeatures } from './model/registerModelFeatures';
import { PrincipleLibraryHost } from './principleLibraryHost';
import { registerReviewPanel } from './review/registerReviewPanel';
import { registerServeCommands } from './serve/serveCommands';
import type { ExtensionServices } from './services';

/** What the extension exposes to other extensions and to its integration tests. */
export interface ClinAlignApi {
  libraryPrincipleCount(): number;
  /** The Principles view's tree, for integration tests. */
  principleTree: vscode.TreeDataProvider<unknown>;
  /** Where the ClinAlign log file is written, for integration tests that read what was logged. */
  logFolder: vscode.Uri;
  /** What the case status bar item shows now, for integration tests. */
  caseStatus(): CaseStatusSnapshot;
}

export function activate(context: vscode.ExtensionContext): ClinAlignApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('ClinAlign', { log: true });
  const diagnostics = vscode.languages.createDiagnosticCollection('clinalign');
  const host = new PrincipleLibraryHost(path.join(context.extensionPath, 'principles'), diagnostics, log);
  const controller = new LintController(host, diagnostics, log, context.extensionPath);
  const apiKeys = new ApiKeyStore(context.secrets, userBaseUrl);
  const model = new ModelSessionService(context, apiKeys, log);
  const services: ExtensionServices = { context, log, diagnostics, host, controller, model, apiKeys };
  const explorer = new PrincipleExplorer(services);
  const caseStatus = new CaseStatusItem(services);
  context.subscriptions.push(
    log,
    diagnostics,
    host,
    controller,
    model,
    vscode.commands.registerCommand('clinalign.lintActiveDocument', () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || !isLintable(document)) {
        void vscode.window.showInformationMessage(
          'ClinAlign lints the files matching "clinalign.caseFiles" (by default *.case.md).',
        );
        return;
      }
      void controller.lintNow(document);
    }),
    vscode.commands.registerCommand('clinalign.showLog', () => log.show()),
    vscode.commands.registerCommand('clinalign.exportDataset', (args?: ExportArguments) =>
      exportVerifiedExamples(services, args),
    ),
    ...registerEditorFeatures(services),
    explorer,
    caseStatus,
    ...registerModelFeatures(services),
    ...registerReviewPanel({ services, model: services.model }),
    ...registerServeCommands(services),
  );
  log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms`);
  void showWalkthroughOnFirstStart(context).catch((error: unknown) =>
    log.warn(`Walkthrough not shown: ${(error as Error).message}`),
  );
  return {
    libraryPrincipleCount: () => host.library.principles.length,
    principleTree: explorer.tree,
    logFolder: context.logUri,
    caseStatus: () => caseStatus.snapshot(),
  };
}

export function deactivate(): void {}
