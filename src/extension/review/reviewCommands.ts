import * as vscode from 'vscode';
import { historyFile, readHistory } from '../../core/case/revisionHistory';
import { itemsToAdd } from '../../core/review/extendRubric';
import { UnsafePathError } from '../../core/project/confinedPath';
import { appendGrade, checkGradesWritable, gradeRecord, gradesFile } from '../../core/review/gradeRecords';
import { appendRubricItems } from '../../core/review/rubricEdits';
import { notReady, WORKFLOW_NEEDS } from '../../core/workflows/caseReadiness';
import { gradeCase as gradeWithJudge } from '../../core/workflows/gradeCase';
import { formatScore } from '../../core/workflows/gradeReport';
import { synthesizeCase } from '../../core/workflows/synthesizeCase';
import { currentCase } from '../editor/caseReport';
import { capitalize, caseColumn, type ReviewDeps } from './reviewContext';
import { openRevisionDiff } from './revisionDiff';
import { applyTextChange } from '../editor/textChangeEdit';

const NEEDS_MODEL =
  'This needs a model endpoint: set one up with "ClinAlign: Configure model" (clinalign.model settings).';

/**
 * "Synthesize": drafts the rubric when there is none, else extends it with the items it lacks (never
 * duplicates, never past 15 items). Offline from the principle templates, or with the model. Resolves with
 * what to tell the reviewer.
 */
export async function synthesizeInto(
  deps: ReviewDeps,
  document: vscode.TextDocument,
  mode: 'offline' | 'model',
): Promise<string> {
  const c = currentCase(deps.services, document);
  if (!c) return 'Open a case file first.';
  const refusal = notReady(c, mode === 'model' ? WORKFLOW_NEEDS.synthesize : []);
  if (refusal) return `${capitalize(refusal.message)}.`;
  let items;
  if (mode === 'offline') {
    items = (await synthesizeCase(undefined, c)).items;
  } else {
    if (!deps.model) return NEEDS_MODEL;
    const run = await deps.model.run('Synthesize rubric', document.uri, (client, options) =>
      synthesizeCase(client, c, options),
    );
    if (run.status !== 'done')
      return run.status === 'cancelled' ? 'Synthesis cancelled; nothing changed.' : run.message;
    items = run.value.items;
  }
  const existing = c.document.data.rubric ?? [];
  const added = itemsToAdd(existing, items);
  if (added.length === 0)
    return existing.length > 0
      ? 'Nothing to add: the rubric already covers what synthesis offers (or is full).'
      : 'No principle applies to this case, so there is nothing to draft.';
  // Against the document as it is now (the model may have taken a while): appending is safe either way.
  const edit = appendRubricItems(document.getText(), added);
  if (!edit) return 'Nothing changed.';
  await applyTextChange(document, edit);
  const what = existing.length === 0 ? 'Drafted a rubric of' : 'Added';
  return `${what} ${added.length} item${added.length === 1 ? '' : 's'} (${mode === 'model' ? 'model' : 'offline templates'}); review and verify each.`;
}

/** "Grade": the judge model grades the answer; the grade is kept in `.clinalign/grades/<id>.jsonl`. */
export async function gradeCase(deps: ReviewDeps, document: vscode.TextDocument): Promise<string> {
  if (!deps.model) return `Grading needs the model. ${NEEDS_MODEL}`;
  const c = currentCase(deps.services, document);
  if (!c) return 'Open a case file first.';
  // The same input, and the same refusals, as `clinalign grade`.
  const refusal = notReady(c, WORKFLOW_NEEDS.grade);
  if (refusal)
    return refusal.need === 'rubric'
      ? 'There is no rubric to grade against yet: synthesize one first.'
      : `${capitalize(refusal.message)}.`;
  const { root, document: parsed } = c;
  const file = gradesFile(root, c.id);
  // Checked before the judge is asked, so no model call is spent on a grade that cannot be kept.
  try {
    checkGradesWritable(root, file);
  } catch (error) {
    if (error instanceof UnsafePathError) return `Not graded: ${error.message}.`;
    throw error;
  }
  const run = await deps.model.run('Grade answer', document.uri, (client, options) =>
    gradeWithJudge(client, c, options),
  );
  if (run.status !== 'done') return run.status === 'cancelled' ? 'Grading cancelled.' : run.message;
  try {
    await appendGrade(root, file, gradeRecord(run.value, parsed.body, parsed.data.rubric ?? [], new Date()));
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
  const c = currentCase(deps.services, await vscode.workspace.openTextDocument(caseUri));
  if (!c) return;
  const root = c.root;
  const file = historyFile(root, c.id);
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
