import * as path from 'node:path';
import * as vscode from 'vscode';
import { caseStatusSummary, type FindingCounts } from '../../core/review/caseStatusSummary';
import { gradesFile, gradeView, readGrades, type GradeRecord } from '../../core/review/gradeRecords';
import { escapeMarkdown } from '../../core/untrusted/escapeMarkdown';
import { isLintable } from '../caseDocuments';
import { caseIdFor, caseRoot } from '../review/reviewContext';
import type { ExtensionServices } from '../services';
import { cachedReport } from './caseReport';
import { sessionGrades } from './sessionGrades';

/** True while the active editor is a case file: the keybindings for grade, revise and the panel use it. */
export const CASE_FILE_ACTIVE = 'clinalign.caseFileActive';

/** The commands the tooltip links to (and only those run from it). */
const LINKS = [
  ['Open review panel', 'clinalign.openReviewPanel'],
  ['Principles that apply', 'clinalign.showApplicablePrinciples'],
  ['Grade answer', 'clinalign.gradeAnswer'],
  ['Show grade report', 'clinalign.showGradeReport'],
] as const;

/** What the item shows now, for integration tests (the status bar is not readable through the API). */
export interface CaseStatusSnapshot {
  visible: boolean;
  text: string;
  tooltip: string;
  command: string | undefined;
}

/**
 * A status bar item for the active case: review status, last score and findings (issue 15). Clicking it
 * opens the review panel; its tooltip says it all in full and links to the case's other views.
 */
export class CaseStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('clinalign.case', vscode.StatusBarAlignment.Left, 100);
  /** Grades read from `.clinalign/grades/<id>.jsonl`, by case URI; dropped when a grades file changes. */
  private readonly diskGrades = new Map<string, readonly GradeRecord[]>();
  private readonly reading = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [this.item];
  private caseFileActive: boolean | undefined;
  /** The tooltip before Markdown escaping, for the snapshot. */
  private tooltipText = '';

  constructor(private readonly services: Pick<ExtensionServices, 'controller' | 'host' | 'diagnostics' | 'log'>) {
    this.item.name = 'ClinAlign case';
    this.item.command = { title: 'Open review panel', command: 'clinalign.openReviewPanel' };
    const grades = vscode.workspace.createFileSystemWatcher('**/.clinalign/grades/*.jsonl');
    const regrade = () => {
      // A read still under way may be older than the change: start again.
      this.diskGrades.clear();
      this.reading.clear();
      this.update();
    };
    this.disposables.push(
      grades,
      grades.onDidCreate(regrade),
      grades.onDidChange(regrade),
      grades.onDidDelete(regrade),
      services.controller.onDidLint((document) => {
        if (document === vscode.window.activeTextEditor?.document) this.update();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (e.uris.some((uri) => uri.toString() === active)) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      sessionGrades.onDidRecord(() => this.update()),
    );
    this.update();
  }

  snapshot(): CaseStatusSnapshot {
    return {
      visible: this.caseFileActive === true,
      text: this.item.text,
      tooltip: this.tooltipText,
      command: typeof this.item.command === 'string' ? this.item.command : this.item.command?.command,
    };
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const isCase = document !== undefined && isLintable(document);
    this.setCaseFileActive(isCase);
    if (!isCase) {
      this.item.hide();
      return;
    }
    const result = this.services.controller.resultFor(document);
    const report = cachedReport(this.services, document);
    if (!result || !report) return; // the first lint publishes it
    const { data, body } = result.document;
    const recorded = this.recordedGrades(document.uri, data.id);
    const grades = [...recorded, ...sessionGrades.of(document.uri)].sort((a, b) => a.time.localeCompare(b.time));
    const summary = caseStatusSummary({
      fileName: path.basename(document.uri.path),
      status: data.review?.status ?? 'draft',
      grade: gradeView(grades, body, data.rubric ?? []),
      findings: countFindings(this.services.diagnostics.get(document.uri) ?? []),
      applicable: report.applicablePrinciples,
    });
    this.item.text = `$(checklist) ${summary.text}`;
    const links = LINKS.map(([title, command]) => `[${title}](command:${command})`).join(' · ');
    const tooltip = new vscode.MarkdownString(`${summary.lines.map(escapeMarkdown).join('  \n')}\n\n${links}`);
    // File names and judge model names are escaped; only the four commands above can run from the tooltip.
    tooltip.isTrusted = { enabledCommands: LINKS.map(([, command]) => command) };
    this.item.tooltip = tooltip;
    this.tooltipText = `${summary.lines.join('\n')}\n\n${links}`;
    this.item.accessibilityInformation = { label: `ClinAlign case: ${summary.lines.join('. ')}`, role: 'button' };
    this.item.show();
  }

  /**
   * The grades recorded in `.clinalign/grades/<id>.jsonl` (by the review panel), read once per case and again
   * when a grades file changes; none until the read finishes, which updates the item. A file behind a
   * symbolic link is not read (the panel logs why).
   */
  private recordedGrades(uri: vscode.Uri, id: string | undefined): readonly GradeRecord[] {
    const key = uri.toString();
    const known = this.diskGrades.get(key);
    if (known) return known;
    if (!this.reading.has(key)) {
      this.reading.add(key);
      const root = caseRoot(uri);
      void readGrades(root, gradesFile(root, caseIdFor(uri, id)))
        .catch((): GradeRecord[] => [])
        .then((grades) => {
          this.reading.delete(key);
          this.diskGrades.set(key, grades);
          if (vscode.window.activeTextEditor?.document.uri.toString() === key) this.update();
        });
    }
    return [];
  }

  private setCaseFileActive(value: boolean): void {
    if (value === this.caseFileActive) return;
    this.caseFileActive = value;
    void vscode.commands.executeCommand('setContext', CASE_FILE_ACTIVE, value);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function countFindings(diagnostics: readonly vscode.Diagnostic[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, others: 0 };
  for (const d of diagnostics) {
    if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
    else counts.others++;
  }
  return counts;
}
