import type { Finding } from './finding';

/** The rule id of the finding that says a lint ran out of time (not a principle). */
export const LINT_BUDGET_RULE = 'clinalign.lint-time-budget';

/** A finding at the start of the answer: the answer was not checked because the lint overran its budget. */
export function budgetFinding(budgetMs: number): Finding {
  return {
    principleId: LINT_BUDGET_RULE,
    severity: 'info',
    start: 0,
    end: 0,
    message: `ClinAlign stopped checking this answer after ${budgetMs} ms, so its findings are not shown. Shorten or split the answer; if a team principle file is involved, check its patterns with \`clinalign principles validate\`.`,
  };
}
