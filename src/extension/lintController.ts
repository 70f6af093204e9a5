import * as path from 'node:path';
import * as vscode from 'vscode';
import { LineIndex } from '../core/case/lineIndex';
import { budgetFinding } from '../core/lint/budgetFinding';
import { BudgetedLinter, LINT_TIME_BUDGET_MS } from '../core/lint/budgetedLinter';
import { finishCase, lintCase, prepareCase, type CaseLintResult, type CaseReadingOptions } from '../core/lint/lintCase';
import { remapSeverity } from '../core/lint/remapSeverity';
import { Case } from '../core/workflows/case';
import { isLintable, workFolderOf } from './caseDocuments';
import { FocusModePublisher } from './editor/focusModePublisher';
import { toDiagnostics } from './findingDiagnostics';
import type { PrincipleLibraryHost } from './principleLibraryHost';
import { TeamLintConfigHost } from './teamLintConfigHost';
import { readSettings } from './settings';

interface LintedVersion {
  version: number;
  result: CaseLintResult;
  /** The Case of this version, made when first asked for (most versions typed are never asked). */
  case?: Case;
}

/**
 * Lints case documents: at once when opened, debounced while typing (or on save), again when the library
 * changes. The detectors run in a worker thread with a time budget (off the extension host's thread). A
 * result is published only if the document is still at the version that was linted.
 */
export class LintController implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly results = new Map<string, LintedVersion>();
  private readonly linted = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly publisher: FocusModePublisher;
  private readonly disposables: vscode.Disposable[] = [this.linted];
  private readonly linter: BudgetedLinter;
  /** The team's `lint:` decisions with the user's settings on top (the explorer reads the same). */
  readonly lintSettings: TeamLintConfigHost;
  /** Fires after a document's findings were published. */
  readonly onDidLint = this.linted.event;

  constructor(
    private readonly host: PrincipleLibraryHost,
    diagnostics: vscode.DiagnosticCollection,
    private readonly log: vscode.LogOutputChannel,
    extensionPath: string,
  ) {
    this.linter = new BudgetedLinter(path.join(extensionPath, 'dist', 'lintWorker.js'), LINT_TIME_BUDGET_MS);
    this.linter.setLibrary(host.librarySpec);
    this.disposables.push({ dispose: () => this.linter.dispose() });
    this.publisher = new FocusModePublisher(diagnostics);
    this.lintSettings = new TeamLintConfigHost(log);
    this.disposables.push(
      this.publisher,
      this.lintSettings,
      this.lintSettings.onDidChange(() => this.lintAllOpen()),
      vscode.workspace.onDidOpenTextDocument((d) => void this.lintNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && readSettings(e.document.uri).run === 'onType') this.schedule(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => void this.lintNow(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('clinalign')) this.lintAllOpen();
      }),
      host.onDidChange(() => {
        this.linter.setLibrary(host.librarySpec);
        this.lintAllOpen();
      }),
    );
    this.lintAllOpen();
  }

  /** The last published result for this exact document version, if any (code actions read it). */
  resultFor(document: vscode.TextDocument): CaseLintResult | undefined {
    const linted = this.results.get(document.uri.toString());
    return linted?.version === document.version ? linted.result : undefined;
  }

  /**
   * The Case of this exact document version (scenario, applicable principles, id, project root), from its
   * published lint: what the status item, the explorer, the hover and the model commands all read.
   */
  caseFor(document: vscode.TextDocument): Case | undefined {
    const linted = this.results.get(document.uri.toString());
    if (linted?.version !== document.version) return undefined;
    const { document: parsed, classification } = linted.result;
    return (linted.case ??= new Case(
      this.host.library,
      { text: document.getText(), file: document.uri.fsPath, workFolder: workFolderOf(document.uri) },
      parsed,
      classification,
    ));
  }

  lintAllOpen(): void {
    for (const document of vscode.workspace.textDocuments) void this.lintNow(document);
  }

  /** Lints in the worker, within the time budget, and publishes the findings. */
  async lintNow(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (!isLintable(document)) {
      if (this.results.has(key)) this.forget(document);
      return;
    }
    const version = document.version;
    const started = performance.now();
    const result = await this.lintInWorker(document.uri, document.getText());
    this.publish(document, version, result, started);
  }

  /**
   * Lints on this thread at once, for a command that needs the result now (the cached one is stale). The
   * detectors are linear-time (regexEngine.ts); the worker's budget guards the lints that run while typing.
   */
  lintNowSync(document: vscode.TextDocument): void {
    if (!isLintable(document)) return;
    const started = performance.now();
    this.publish(
      document,
      document.version,
      this.applySettings(document.uri, () =>
        lintCase(this.host.library, document.getText(), this.readingOptions(document.uri)),
      ),
      started,
    );
  }

  private publish(
    document: vscode.TextDocument,
    version: number,
    result: CaseLintResult | undefined,
    started: number,
  ): void {
    if (!result) return;
    if (document.isClosed || document.version !== version) return; // stale: a newer edit will be linted
    this.results.set(document.uri.toString(), { version, result });
    this.publisher.set(
      document.uri,
      toDiagnostics(document, result, (id) => this.host.principle(id)),
    );
    this.linted.fire(document);
    this.log.trace(
      `Linted ${document.uri.fsPath} v${version}: ${result.findings.length} findings in ${(performance.now() - started).toFixed(2)} ms`,
    );
  }

  /** Lints a case file that is not open (Lint workspace) and publishes its findings like an open one's. */
  async lintUnopened(uri: vscode.Uri, text: string): Promise<CaseLintResult | undefined> {
    const result = await this.lintInWorker(uri, text);
    if (!result) return undefined;
    const lines = new LineIndex(text);
    const positionAt = (offset: number) => {
      const { line, column } = lines.positionAt(offset);
      return new vscode.Position(line, column);
    };
    this.publisher.set(
      uri,
      toDiagnostics({ positionAt }, result, (id) => this.host.principle(id)),
    );
    return result;
  }

  /** Parses and classifies here, runs the detectors in the worker; an overrun becomes one info finding. */
  private async lintInWorker(uri: vscode.Uri, text: string): Promise<CaseLintResult | undefined> {
    let prepared: ReturnType<typeof prepareCase>;
    let answer: Awaited<ReturnType<BudgetedLinter['lint']>>;
    try {
      prepared = prepareCase(this.host.library, text, this.readingOptions(uri));
      answer = await this.linter.lint(prepared.input);
    } catch (error) {
      this.log.error(`Linting ${uri.fsPath} failed: ${(error as Error).stack ?? error}`);
      return undefined;
    }
    if ('timedOut' in answer)
      this.log.warn(`Linting ${uri.fsPath} overran its ${answer.budgetMs} ms budget and was stopped`);
    const findings = 'timedOut' in answer ? [budgetFinding(answer.budgetMs)] : answer.findings;
    return this.applySettings(uri, () => finishCase(prepared, findings));
  }

  /** The core lint, then the team's `lint:` decisions and the user's settings: principles off, severities. */
  private applySettings(uri: vscode.Uri, lint: () => CaseLintResult): CaseLintResult | undefined {
    let result: CaseLintResult;
    try {
      result = lint();
    } catch (error) {
      this.log.error(`Linting ${uri.fsPath} failed: ${(error as Error).stack ?? error}`);
      return undefined;
    }
    return { ...result, findings: remapSeverity(result.findings, this.lintSettings.severityMapFor(uri)) };
  }

  /** `clinalign.defaultAudience`: the audience of cases that name none (`auto`: the question decides). */
  private readingOptions(uri: vscode.Uri): CaseReadingOptions {
    const audience = readSettings(uri).defaultAudience;
    return audience === 'auto' ? {} : { defaultAudience: audience };
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isLintable(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = readSettings(document.uri).debounceMs;
    this.timers.set(
      key,
      setTimeout(() => void this.lintNow(document), delay),
    );
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.publisher.delete(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
