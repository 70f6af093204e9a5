import * as vscode from 'vscode';
import { caseFilesGlob } from '../caseDocuments';
import type { ExtensionServices } from '../services';
import { cachedReport } from './caseReport';

/** Language status of a case file: its scenario labels, how many principles apply, the model endpoint state. */
export class ScenarioStatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Pick<ExtensionServices, 'controller' | 'host' | 'model'>) {
    this.item = vscode.languages.createLanguageStatusItem('clinalign.scenario', this.selector());
    this.item.name = 'ClinAlign scenario';
    this.item.command = {
      title: 'Classify',
      command: 'clinalign.classifyScenario',
      tooltip: 'Show the scenario labels and set one',
    };
    this.disposables.push(
      this.item,
      services.controller.onDidLint((document) => {
        if (document === vscode.window.activeTextEditor?.document) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      services.model.onDidChangeStatus(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('clinalign.caseFiles')) this.item.selector = this.selector();
      }),
    );
    this.update();
  }

  private selector(): vscode.DocumentSelector {
    const glob = caseFilesGlob();
    return { language: 'markdown', pattern: glob };
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const report = document && cachedReport(this.services, document);
    if (!report) return; // keeps the last text; the item only shows on case files anyway
    this.item.text = report.summary;
    this.item.detail = report.detail;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
