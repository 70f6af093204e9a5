import * as vscode from 'vscode';
import type { GradeRecord } from '../../core/review/gradeRecords';

/**
 * Grades made in this session, by case, for the case status item. "Grade answer" keeps no record on disk (the
 * review panel's Grade does, in `.clinalign/grades/`), so without this the status bar would not see its score.
 */
export class SessionGrades {
  private readonly byCase = new Map<string, GradeRecord[]>();
  private readonly recorded = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidRecord = this.recorded.event;

  record(caseUri: vscode.Uri, grade: GradeRecord): void {
    const key = caseUri.toString();
    this.byCase.set(key, [...(this.byCase.get(key) ?? []), grade]);
    this.recorded.fire(caseUri);
  }

  of(caseUri: vscode.Uri): readonly GradeRecord[] {
    return this.byCase.get(caseUri.toString()) ?? [];
  }
}

/** One per extension host: the grade commands publish to it, the status item reads it. */
export const sessionGrades = new SessionGrades();
