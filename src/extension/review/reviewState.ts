import * as path from 'node:path';
import type * as vscode from 'vscode';
import { historyFile, readHistory } from '../../core/case/revisionHistory';
import { gradesFile, readGrades } from '../../core/review/gradeRecords';
import type { ReviewState } from '../../core/review/reviewMessages';
import { reviewViewModel } from '../../core/review/reviewViewModel';
import { currentCase } from '../editor/caseReport';
import type { ReviewDeps } from './reviewContext';

/** The panel's view of a case document now: the core view model over its Case, grades and history. */
export async function buildReviewState(
  deps: ReviewDeps,
  document: vscode.TextDocument,
  busy: string | null,
): Promise<ReviewState | null> {
  const c = currentCase(deps.services, document);
  if (!c) return null;
  const { id: caseId, root } = c;
  // A grades or history file behind a symbolic link is not read: the panel shows none and the log says why.
  const refused = (error: Error) => {
    deps.services.log.warn(`Review panel: ${error.message}`);
    return [];
  };
  const [grades, history] = await Promise.all([
    readGrades(root, gradesFile(root, caseId)).catch(refused),
    readHistory(root, historyFile(root, caseId)).catch(refused),
  ]);
  const status = deps.model?.status(document.uri);
  return reviewViewModel({
    uri: document.uri.toString(),
    fileName: path.basename(document.uri.path),
    caseId,
    result: c,
    principleTitle: (id) => deps.services.host.principle(id)?.title,
    grades,
    history,
    model: status
      ? { available: status.state === 'ready', detail: status.detail }
      : {
          available: false,
          detail:
            'Synthesis with a model and grading need the model feature (a model endpoint in the clinalign.model settings).',
        },
    busy,
  });
}
