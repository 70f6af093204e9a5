import type { GradeView } from './reviewMessages';

/** The findings on a case as the Problems panel counts them. */
export interface FindingCounts {
  errors: number;
  warnings: number;
  /** Information and hints. */
  others: number;
}

/** What the status bar says about the active case (issue 15: a writer expects to see it at a glance). */
export interface CaseStatusInput {
  fileName: string;
  /** The front matter's `review.status` (draft when absent). */
  status: 'draft' | 'in-review' | 'verified';
  /** The latest grade, or null when the case has not been graded. */
  grade: Pick<GradeView, 'scoreText' | 'score' | 'stale' | 'staleReason' | 'time' | 'judgeModel'> | null;
  findings: FindingCounts;
  /** How many principles apply: the same selection as the scenario status item and the Principles view. */
  applicable: number;
}

export interface CaseStatusSummary {
  /** `draft · 62.5% · 3 findings`: short enough for the status bar. */
  text: string;
  /** One line per fact, for the tooltip and screen readers. */
  lines: string[];
}

export function caseStatusSummary(input: CaseStatusInput): CaseStatusSummary {
  const { grade, findings } = input;
  const total = findings.errors + findings.warnings + findings.others;
  // A stale score is shown with a mark, so nobody reads it as the current answer's.
  const score = grade
    ? grade.score === null
      ? 'no score'
      : `${shortScore(grade.score)}${grade.stale ? '*' : ''}`
    : 'not graded';
  const text = `${input.status} · ${score} · ${plural(total, 'finding')}`;
  const lines = [
    `Review status: ${input.status}`,
    grade
      ? `Last score: ${grade.scoreText} (judge ${grade.judgeModel}, ${grade.time})${grade.stale ? ` — ${grade.staleReason}` : ''}`
      : 'Last score: not graded yet',
    `Findings: ${total === 0 ? 'none' : breakdown(findings)}`,
    `${plural(input.applicable, 'principle')} ${input.applicable === 1 ? 'applies' : 'apply'} to ${input.fileName}`,
  ];
  return { text, lines };
}

function shortScore(score: number): string {
  return `${Math.round(score * 100)}%`;
}

function breakdown(findings: FindingCounts): string {
  const parts = [
    findings.errors > 0 && plural(findings.errors, 'error'),
    findings.warnings > 0 && plural(findings.warnings, 'warning'),
    findings.others > 0 && `${findings.others} info or hint`,
  ].filter(Boolean);
  return parts.join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
