import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import { classifyScenario, type ClassifyArguments } from './classifyScenarioCommand';
import { disablePrincipleForTeam, disablePrincipleInFile } from './disableCommands';
import { FindingCodeActionProvider } from './findingCodeActionProvider';
import { FindingHoverProvider } from './findingHoverProvider';
import { lintWorkspace } from './lintWorkspaceCommand';
import { currentResult } from './caseReport';
import { mechanicalFixEdit } from './mechanicalFixEdit';
import { newCase, type NewCaseArguments } from './newCaseCommand';
import { explainPrinciple, PRINCIPLE_SCHEME, PrincipleDocumentProvider } from './principleDocuments';
import { openPrincipleLibrary, showPrinciple } from './principleCommands';
import { ScenarioStatusItem } from './scenarioStatusItem';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** Hover, code actions, commands and the scenario status item of case files. */
export function registerEditorFeatures(services: ExtensionServices): vscode.Disposable[] {
  const principleDocuments = new PrincipleDocumentProvider(services.host);
  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
  return [
    principleDocuments,
    vscode.workspace.registerTextDocumentContentProvider(PRINCIPLE_SCHEME, principleDocuments),
    vscode.languages.registerHoverProvider(MARKDOWN, new FindingHoverProvider(services)),
    vscode.languages.registerCodeActionsProvider(
      MARKDOWN,
      new FindingCodeActionProvider(services.controller, (id) => services.host.principle(id)),
      FindingCodeActionProvider.metadata,
    ),
    new ScenarioStatusItem(services),
    command('clinalign.fixAll', () => fixAll(services)),
    command('clinalign.classifyScenario', (args?: ClassifyArguments) => classifyScenario(services, args)),
    command('clinalign.showPrinciple', (id?: string) => showPrinciple(services, id)),
    command('clinalign.explainPrinciple', (id: string) => explainPrinciple(id)),
    command('clinalign.disablePrincipleInFile', (id: string, uri?: string) => disablePrincipleInFile(id, uri)),
    command('clinalign.disablePrincipleForTeam', (id: string, uri?: string) => disablePrincipleForTeam(id, uri)),
    command('clinalign.newCase', (args?: NewCaseArguments) => newCase(args)),
    command('clinalign.lintWorkspace', () => lintWorkspace(services)),
    command('clinalign.openPrincipleLibrary', () => openPrincipleLibrary(services)),
    command('clinalign.openSettings', () =>
      vscode.commands.executeCommand('workbench.action.openSettings', '@ext:clinalign.clinalign'),
    ),
  ];
}

/** "Fix all mechanical findings in this file": resolves with how many fixes were applied. */
async function fixAll(services: ExtensionServices): Promise<number> {
  const document = vscode.window.activeTextEditor?.document;
  const result = document && currentResult(services, document);
  const fixes = document && result && mechanicalFixEdit(document, result);
  if (!fixes) {
    void vscode.window.showInformationMessage('ClinAlign: no mechanical findings to fix in this file.');
    return 0;
  }
  return (await vscode.workspace.applyEdit(fixes.edit)) ? fixes.count : 0;
}
