import { setScenarioLabel } from '../case/setScenarioLabel';
import type { FrontMatterEdit } from '../case/writeFrontMatter';
import { SCENARIO_LABELS } from '../scenario/labels';
import type { ReviewAction } from './reviewMessages';
import { applyRubricAction } from './rubricEdits';
import { setReviewStatus } from './reviewStatus';
import type { BlockingFinding } from './verificationGate';

export type ActionOutcome = { edit: FrontMatterEdit | undefined } | { error: string; unsafe?: BlockingFinding[] };

/**
 * Action from the panel → the change of the document's text (the caller turns it into one WorkspaceEdit, so
 * it is one Undo step). Never throws: a front matter that cannot be edited comes back as an error to show.
 */
export function applyReviewAction(
  documentText: string,
  action: ReviewAction,
  context: { reviewer?: string | undefined; now: Date; safety?: (text: string) => BlockingFinding[] },
): ActionOutcome {
  try {
    switch (action.kind) {
      case 'setScenario': {
        const labels: readonly string[] = [...SCENARIO_LABELS[action.dimension], 'unknown'];
        if (!labels.includes(action.label)) return { error: `"${action.label}" is not a label of ${action.dimension}` };
        return { edit: setScenarioLabel(documentText, action.dimension, action.label) };
      }
      case 'setStatus':
        if (!context.reviewer)
          return { error: 'set your name in the setting clinalign.reviewerName (or git config user.name) first' };
        return setReviewStatus(documentText, action.status, context.reviewer, context.now, {
          findings: action.status === 'verified' && context.safety ? context.safety(documentText) : [],
          overrideReason: action.overrideReason,
        });
      default:
        return { edit: applyRubricAction(documentText, action) };
    }
  } catch (error) {
    return { error: (error as Error).message };
  }
}
