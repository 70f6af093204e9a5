import * as path from 'node:path';
import * as vscode from 'vscode';
import { isLintable } from './caseDocuments';
import { registerEditorFeatures } from './editor/registerEditorFeatures';
import { PrincipleExplorer } from './explorer/principleExplorer';
import { LintController } from './lintController';
import { PrincipleLibraryHost } from './principleLibraryHost';
import type { ExtensionServices } from './services';

/** What the extension exposes to other extensions and to its integration tests. */
export interface ClinAlignApi {
  libraryPrincipleCount(): number;
  /** The Principles view's tree, for integration tests. */
  principleTree: vscode.TreeDataProvider<unknown>;
}

export function activate(context: vscode.ExtensionContext): ClinAlignApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('ClinAlign', { log: true });
  const diagnostics = vscode.languages.createDiagnosticCollection('clinalign');
  const host = new PrincipleLibraryHost(path.join(context.extensionPath, 'principles'), diagnostics, log);
  const controller = new LintController(host, diagnostics, log);
  const services: ExtensionServices = { context, log, diagnostics, host, controller };
  const explorer = new PrincipleExplorer(services);
  context.subscriptions.push(
    log,
    diagnostics,
    host,
    controller,
    vscode.commands.registerCommand('clinalign.lintActiveDocument', () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || !isLintable(document)) {
        void vscode.window.showInformationMessage('ClinAlign lints the files matching "clinalign.caseFiles" (by default *.case.md).');
        return;
      }
      controller.lintNow(document);
    }),
    vscode.commands.registerCommand('clinalign.showLog', () => log.show()),
    ...registerEditorFeatures(services),
    explorer,
  );
  log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms`);
  return { libraryPrincipleCount: () => host.library.principles.length, principleTree: explorer.tree };
}

export function deactivate(): void {}
