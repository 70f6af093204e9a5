import * as vscode from 'vscode';
import { LineIndex } from '../core/case/lineIndex';
import { lintCase, type CaseLintResult } from '../core/lint/lintCase';
import { remapSeverity, type SeverityMap } from '../core/lint/remapSeverity';
import { isLintable } from './caseDocuments';
import { FocusModePublisher } from './editor/focusModePublisher';
import { toDiagnostics } from './findingDiagnostics';
import type { PrincipleLibraryHost } from './principleLibraryHost';

interface LintedVersion {
  version: number;
  result: CaseLintResult;
}

/**
 * Lints case documents: at once when opened, debounced while typing (or on save), again when the library
 * changes. A result is published only if the document is still at the version that was linted.
 */
export class LintController implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly results = new Map<string, LintedVersion>();
  private readonly linted = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly publisher: FocusModePublisher;
  private readonly disposables: vscode.Disposable[] = [this.linted];
  /** Fires after a document's findings were published. */
  readonly onDidLint = this.linted.event;

  constructor(
    private readonly host: PrincipleLibraryHost,
    diagnostics: vscode.DiagnosticCollection,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.publisher = new FocusModePublisher(diagnostics);
    this.disposables.push(
      this.publisher,
      vscode.workspace.onDidOpenTextDocument((d) => this.lintNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.setting<string>(e.document, 'run', 'onType') === 'onType') this.schedule(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.lintNow(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('clinalign')) this.lintAllOpen();
      }),
      host.onDidChange(() => this.lintAllOpen()),
    );
    this.lintAllOpen();
  }

  /** The last published result for this exact document version, if any (code actions read it). */
  resultFor(document: vscode.TextDocument): CaseLintResult | undefined {
    const linted = this.results.get(document.uri.toString());
    return linted?.version === document.version ? linted.result : undefined;
  }

  lintAllOpen(): void {
    for (const document of vscode.workspace.textDocuments) this.lintNow(document);
  }

  lintNow(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (!isLintable(document)) {
      if (this.results.has(key)) this.forget(document);
      return;
    }
    const version = document.version;
    const started = performance.now();
    const result = this.lintText(document.uri, document.getText());
    if (!result) return;
    if (document.isClosed || document.version !== version) return; // stale: a newer edit will be linted
    this.results.set(key, { version, result });
    this.publisher.set(document.uri, toDiagnostics(document, result, (id) => this.host.principle(id)));
    this.linted.fire(document);
    this.log.trace(`Linted ${document.uri.fsPath} v${version}: ${result.findings.length} findings in ${(performance.now() - started).toFixed(2)} ms`);
  }

  /** Lints a case file that is not open (Lint workspace) and publishes its findings like an open one's. */
  lintUnopened(uri: vscode.Uri, text: string): CaseLintResult | undefined {
    const result = this.lintText(uri, text);
    if (!result) return undefined;
    const lines = new LineIndex(text);
    const positionAt = (offset: number) => {
      const { line, column } = lines.positionAt(offset);
      return new vscode.Position(line, column);
    };
    this.publisher.set(uri, toDiagnostics({ positionAt }, result, (id) => this.host.principle(id)));
    return result;
  }

  /** The core lint, then the user's settings: disabled principles and severity remapping. */
  private lintText(uri: vscode.Uri, text: string): CaseLintResult | undefined {
    let result: CaseLintResult;
    try {
      result = lintCase(this.host.library, text);
    } catch (error) {
      this.log.error(`Linting ${uri.fsPath} failed: ${(error as Error).stack ?? error}`);
      return undefined;
    }
    const settings = vscode.workspace.getConfiguration('clinalign', uri);
    const disabled = new Set(settings.get<string[]>('disabledPrinciples', []));
    const findings = remapSeverity(
      disabled.size > 0 ? result.findings.filter((f) => !disabled.has(f.principleId)) : result.findings,
      settings.get<SeverityMap>('severity', {}),
    );
    return { ...result, findings };
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isLintable(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = this.setting<number>(document, 'debounceMs', 150);
    this.timers.set(key, setTimeout(() => this.lintNow(document), delay));
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.publisher.delete(document.uri);
  }

  private setting<T>(document: vscode.TextDocument, name: string, fallback: T): T {
    return vscode.workspace.getConfiguration('clinalign', document.uri).get<T>(name, fallback);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
