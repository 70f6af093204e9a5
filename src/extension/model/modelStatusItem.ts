import * as vscode from 'vscode';
import type { ModelSessionService } from './modelSessionService';

/** Language status of case files: the model endpoint's state; clicking configures it. */
export class ModelStatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly model: ModelSessionService,
    selector: vscode.DocumentSelector,
  ) {
    this.item = vscode.languages.createLanguageStatusItem('clinalign.model', selector);
    this.item.name = 'ClinAlign model endpoint';
    this.subscriptions = [
      this.item,
      model.onDidChangeStatus(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  set selector(selector: vscode.DocumentSelector) {
    this.item.selector = selector;
  }

  private update(): void {
    const { state, detail } = this.model.status(vscode.window.activeTextEditor?.document.uri);
    this.item.text = `model: ${state}`;
    this.item.detail = detail;
    this.item.severity =
      state === 'error' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.command = {
      title: state === 'ready' ? 'Change' : 'Configure',
      command: 'clinalign.configureModel',
      tooltip: 'Set the model endpoint and its API key',
    };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
