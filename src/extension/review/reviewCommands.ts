import * as vscode from 'vscode';
import { historyFile, readHistory } from '../../core/case/revisionHistory';
import { itemsToAdd } from '../../core/review/extendRubric';
import { UnsafePathError } from '../../core/project/confinedPath';
import { appendGrade, checkGradesWritable, gradeRecord, gradesFile } from '../../core/review/gradeRecords';
import { appendRubricItems } from '../../core/review/rubricEdits';
import { synthesizeRubricOffline } from '../../core/rubric/synthesizeOffline';
import { caseGradeInput } from '../../core/workflows/caseGradeInput';
import { gradeAnswer } from '../../core/workflows/gradeAnswer';
import { formatScore } from '../../core/workflows/gradeReport';
import { synthesizeRubric } from '../../core/workflows/synthesizeRubric';
import { currentResult } from '../editor/caseReport';
import { caseColumn, caseIdFor, caseRoot, type ReviewDeps } from './reviewContext';
import { openRevisionDiff } from './revisionDiff';

const NEEDS_MODEL = 'This needs a model endpoint: set one up with "ClinAlign: Configure model" (clinalign.model settings).';

/**
 * "Synthesize": drafts the rubric when there is none, else extends it with the items it lacks (never
 * duplicates, never past 15 items). Offline from the principle templates, or with the model. Resolves with
 * what to tell the reviewer.
 */
export async function synthesizeInto(deps: ReviewDeps, document: vscode.TextDocument, mode: 'offline' | 'model'): Promise<string> {
  const result = currentResult(deps.services, document);
  if (!result) return 'Open a case file first.';
  if (result.document.problems.length > 0) return `Fix the front matter first (${result.document.problems[0]!.message}).`;
  const { question, conversation, data } = result.document;
  const input = { principles: deps.services.host.library.principles, scenario: result.classification.scenario, question, lexicon: deps.services.host.library.lexicon };
  let items;
  if (mode === 'offline') {
    items = synthesizeRubricOffline(input).items;
  } else {
    if (!deps.model) return NEEDS_MODEL;
    if (question.trim() === '') return 'The case has no question: add `prompt:` or `conversation:` first.';
    const run = await deps.model.run('Synthesize rubric', document.uri, (client, options) => synthesizeRubric(client, { ...input, conversation }, options));
    if (run.status !== 'done') return run.status === 'cancelled' ? 'Synthesis cancelled; nothing changed.' : run.message;
    items = run.value.items;
  }
  const existing = data.rubric ?? [];
  const added = itemsToAdd(existing, items);
  if (added.length === 0) return existing.length > 0 ? 'Nothing to add: the rubric already covers what synthesis offers (or is full).' : 'No principle applies to this case, so there is nothing to draft.';
  // Against the document as it is now (the model may have taken a while): appending is safe either way.
  const edit = appendRubricItems(document.getText(), added);
  if (!edit) return 'Nothing changed.';
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
  await vscode.workspace.applyEdit(workspaceEdit);
  const what = existing.length === 0 ? 'Drafted a rubric of' : 'Added';
  return `${what} ${added.length} item${added.length === 1 ? '' : 's'} (${mode === 'model' ? 'model' : 'offline templates'}); review and verify each.`;
}

/** "Grade": the judge model grades the answer; the grade is kept in `.clinalign/grades/<id>.jsonl`. */
export async function gradeCase(deps: ReviewDeps, document: vscode.TextDocument): Promise<string> {
  if (!deps.model) return `Grading needs the model. ${NEEDS_MODEL}`;
  const result = currentResult(deps.services, document);
  if (!result) return 'Open a case file first.';
  const { body: answer, data } = result.document;
  const rubric = data.rubric ?? [];
  // The same input, and the same refusals, as `clinalign grade`.
  const prepared = caseGradeInput(result.document);
  if ('skip' in prepared) return prepared.skip === 'no rubric' ? 'There is no rubric to grade against yet: synthesize one first.' : 'There is no answer to grade yet.';
  const root = caseRoot(document.uri);
  const file = gradesFile(root, caseIdFor(document.uri, data.id));
  // Checked before the judge is asked, so no model call is spent on a grade that cannot be kept.
  try {
    checkGradesWritable(root, file);
  } catch (error) {
    if (error instanceof UnsafePathError) return `Not graded: ${error.message}.`;
    throw error;
  }
  const run = await deps.model.run('Grade answer', document.uri, (client, options) => gradeAnswer(client, prepared.input, options));
  if (run.status !== 'done') return run.status === 'cancelled' ? 'Grading cancelled.' : run.message;
  try {
    await appendGrade(root, file, gradeRecord(run.value, answer, rubric, new Date()));
  } catch (error) {
    return `The grade (${formatScore(run.value.score)}, judge ${run.value.judgeModel}) was not recorded: ${(error as Error).message}.`;
  }
  return `Graded: ${formatScore(run.value.score)} (judge ${run.value.judgeModel}).`;
}

/** Opens a principle's YAML at its id, next to the case rather than over the panel. */
export async function openPrinciple(deps: ReviewDeps, id: string, caseUri: vscode.Uri | undefined): Promise<void> {
  const principle = deps.services.host.principle(id);
  if (!principle) {
    void vscode.window.showWarningMessage(`ClinAlign: no principle "${id}" in the current library.`);
    return;
  }
  const at = new vscode.Position(principle.location.line, principle.location.column);
  await vscode.window.showTextDocument(vscode.Uri.file(principle.location.file), {
    viewColumn: caseUri ? caseColumn(caseUri) : vscode.ViewColumn.One,
    selection: new vscode.Range(at, at),
  });
}

/** Opens the diff of a history entry against the current answer. */
export async function openRevision(deps: ReviewDeps, caseUri: vscode.Uri, index: number): Promise<void> {
  const result = currentResult(deps.services, await vscode.workspace.openTextDocument(caseUri));
  const root = caseRoot(caseUri);
  const file = historyFile(root, caseIdFor(caseUri, result?.document.data.id));
  let entry;
  try {
    entry = (await readHistory(root, file))[index];
  } catch (error) {
    if (!(error instanceof UnsafePathError)) throw error;
    void vscode.window.showWarningMessage(`ClinAlign: ${error.message}`);
    return;
  }
  if (!entry) return;
  await openRevisionDiff(caseUri, root, file, index, `${entry.source} ${entry.time.slice(0, 16).replace('T', ' ')}`);
}
