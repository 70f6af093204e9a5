import * as path from 'node:path';
import * as vscode from 'vscode';
import { notReady, WORKFLOW_NEEDS } from '../../core/workflows/caseReadiness';
import type { GradeResult } from '../../core/workflows/gradeAnswer';
import { gradeCase } from '../../core/workflows/gradeCase';
import { formatScore, gradeReportMarkdown } from '../../core/workflows/gradeReport';
import { gradeRecord } from '../../core/review/gradeRecords';
import { sessionGrades } from '../editor/sessionGrades';
import type { ExtensionServices } from '../services';
import { lacksQuestion, modelCase } from './modelCase';
import type { GradeReports } from './gradeReports';
import type { ModelRun, ModelSessionService } from './modelSessionService';

export type GradeCommandResult = ModelRun<GradeResult & { report: string }> | undefined;

/** "Grade answer": each rubric item judged by the judge model; the result as a read-only Markdown page that stays open. */
export async function gradeWithModel(
  services: ExtensionServices,
  model: ModelSessionService,
  reports: GradeReports,
  uri?: string,
): Promise<GradeCommandResult> {
  const c = await modelCase(services, uri);
  if (!c || lacksQuestion(c)) return undefined;
  // The same input, and the same refusals, as `clinalign grade` (gradeCase, notReady).
  const refusal = notReady(c.case, WORKFLOW_NEEDS.grade);
  if (refusal?.need === 'answer') {
    void vscode.window.showInformationMessage('ClinAlign: the case has no answer to grade yet.');
    return undefined;
  }
  if (refusal) {
    void vscode.window
      .showWarningMessage('ClinAlign: this case has no rubric to grade against yet.', 'Synthesize rubric with model')
      .then((choice) => choice && vscode.commands.executeCommand('clinalign.synthesizeRubricWithModel'));
    return undefined;
  }
  const run = await model.run('Grade answer', c.document.uri, (client, options) => gradeCase(client, c.case, options));
  if (run.status !== 'done') return run;
  const grade = run.value;
  // The case status item shows the latest score (this command keeps no record on disk).
  sessionGrades.record(
    c.document.uri,
    gradeRecord(grade, c.result.document.body, c.result.document.data.rubric ?? [], new Date()),
  );
  const name = path.basename(c.document.uri.path);
  const report = await reports.show(c.document.uri, c.caseId, gradeReportMarkdown(name, grade));
  void vscode.window.showInformationMessage(
    `ClinAlign: ${name} scores ${formatScore(grade.score)} (judge ${grade.judgeModel}).`,
  );
  return { status: 'done', value: { ...grade, report: report.toString() } };
}
