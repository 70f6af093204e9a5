import * as vscode from 'vscode';
import type { Scenario } from '../../core/scenario/labels';
import { isLintable } from '../caseDocuments';
import type { LintController } from '../lintController';

/**
 * The case the explorer marks principles against: the active editor's case, kept while another kind of file
 * is active (clicking a principle opens its YAML, which should not lose the case) and dropped once closed.
 */
export class ActiveCase implements vscode.Disposable {
  private document: vscode.TextDocument | undefined;
  private scenarioKey: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when the case or its scenario changed, not on every re-lint while typing. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly controller: LintController) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) this.update();
      }),
      controller.onDidLint((d) => {
        if (d === vscode.window.activeTextEditor?.document || d === this.document) this.update();
      }),
    );
    this.update();
  }

  get uri(): vscode.Uri | undefined {
    return this.document?.uri;
  }

  /** The scenario of the case's latest lint, if there is a case and it has been linted. */
  get scenario(): Scenario | undefined {
    return this.document && !this.document.isClosed
      ? this.controller.resultFor(this.document)?.classification.scenario
      : undefined;
  }

  /** The principles that apply to the case and why: its Case's, which the status item counts too. */
  applicable(): Map<string, string> | undefined {
    const c = this.document && !this.document.isClosed ? this.controller.caseFor(this.document) : undefined;
    return c && new Map(c.applicable.map((s) => [s.principle.id, s.reason]));
  }

  private update(): void {
    const active = vscode.window.activeTextEditor?.document;
    if (active && isLintable(active)) this.document = active;
    else if (this.document?.isClosed || (!active && !this.isVisible(this.document))) this.document = undefined;
    const scenario = this.scenario;
    const key = scenario ? `${this.document!.uri.toString()}|${JSON.stringify(scenario)}` : undefined;
    if (key === this.scenarioKey) return;
    this.scenarioKey = key;
    this.changed.fire();
  }

  private isVisible(document: vscode.TextDocument | undefined): boolean {
    return vscode.window.visibleTextEditors.some((e) => e.document === document);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
