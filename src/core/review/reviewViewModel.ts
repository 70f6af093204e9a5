import type { HistoryEntry } from '../case/revisionHistory';
import type { CaseLintResult } from '../lint/lintCase';
import { AXES } from '../principles/schema';
import { axisOf, principleOf } from '../rubric/rubricItem';
import { rubricWarnings } from '../rubric/rubricWarnings';
import { scenarioRows } from '../scenario/describeScenario';
import { SCENARIO_LABELS } from '../scenario/labels';
import { gradeView, scoreOfAnswer, type GradeRecord } from './gradeRecords';
import { answerHash } from './reviewFingerprint';
import type { HistoryEntryView, ReviewState, RubricItemView } from './reviewMessages';
import { verifyBlocker } from './reviewStatus';

export interface ReviewInputs {
  uri: string;
  fileName: string;
  caseId: string;
  /** The case as linted now: parsed front matter, answer and scenario classification. */
  result: Pick<CaseLintResult, 'document' | 'classification'>;
  /** A principle's title by id (undefined when the library has no such principle). */
  principleTitle: (id: string) => string | undefined;
  grades: readonly GradeRecord[];
  history: readonly HistoryEntry[];
  model: { available: boolean; detail: string };
  busy?: string | null;
}

/** Document → what the review panel shows (docs/ARCHITECTURE.md §3.1, §3.5): pure, so the panel's logic is unit-tested here. */
export function reviewViewModel(inputs: ReviewInputs): ReviewState {
  const { document, classification } = inputs.result;
  const rubric = document.data.rubric ?? [];
  const review = document.data.review;
  const warnings = rubricWarnings(rubric);
  const itemWarnings = (index: number) => warnings.filter((w) => w.items.includes(index)).map((w) => w.message);
  const rubricView: RubricItemView[] = rubric.map((item, index) => {
    const principleId = principleOf(item) ?? null;
    return {
      index,
      criterion: item.criterion,
      points: item.points,
      axis: axisOf(item) ?? null,
      principleId,
      principleTitle: principleId ? (inputs.principleTitle(principleId) ?? null) : null,
      verified: item.verified === true,
      warnings: itemWarnings(index),
    };
  });
  const currentSha = answerHash(document.body);
  const history: HistoryEntryView[] = inputs.history.map((entry, index) => ({
    index,
    time: entry.time,
    source: entry.source,
    model: entry.model ?? null,
    principles: entry.principlesAddressed ?? [],
    score: scoreOfAnswer(inputs.grades, entry.sha256),
    current: entry.sha256 === currentSha,
  }));
  const text = (value: unknown) =>
    typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : null;
  return {
    uri: inputs.uri,
    fileName: inputs.fileName,
    caseId: inputs.caseId,
    problem:
      document.problems.length > 0
        ? `The front matter has a problem on line ${document.problems[0]!.line + 1}: ${document.problems[0]!.message}. Fix it in the editor to review this case.`
        : null,
    axes: [...AXES],
    scenario: scenarioRows(classification).map((row) => {
      const [confidence, source] = row.confidenceText.split(' · ');
      return {
        dimension: row.dimension,
        label: row.label,
        options: [...SCENARIO_LABELS[row.dimension], 'unknown'],
        source: source ?? '',
        confidence: confidence ?? '',
        evidence: row.evidence,
      };
    }),
    rubric: rubricView,
    rubricWarnings: warnings.filter((w) => w.items.length === 0).map((w) => w.message),
    review: {
      status: review?.status ?? 'draft',
      reviewers: review?.reviewers ?? [],
      updatedBy: text(review?.updatedBy),
      updatedAt: text(review?.updatedAt),
      note: text(review?.note),
      verifiedItems: rubric.filter((i) => i.verified === true).length,
      items: rubric.length,
      verifyBlocker: verifyBlocker(rubric) ?? null,
    },
    grade: gradeView(inputs.grades, document.body, rubric),
    history,
    model: inputs.model,
    busy: inputs.busy ?? null,
  };
}
