import { reviewFingerprint } from '../review/reviewFingerprint';
import { describeBlocking, overrideOf, uncoveredFindings, type BlockingFinding } from '../review/verificationGate';
import { readCaseFast } from './readCaseFast';
import { caseIdOf, sha256, type HistoryEntry } from '../case/revisionHistory';
import { principleOf } from '../rubric/rubricItem';
import { SCENARIO_DIMENSIONS, type PartialScenario } from '../scenario/labels';
import { caseAnswer } from '../case/caseAnswer';
import {
  validated,
  type ExportFormat,
  type ExportRubricItem,
  type HealthBenchExport,
  type PreferenceExport,
  type RlExport,
} from './exportRecords';

export const SKIP_REASONS = [
  'parse-error',
  'no-question',
  'not-verified',
  'no-rubric',
  'unverified-items',
  'no-answer',
  'stale-verification',
  'unsafe-answer',
  'duplicate-id',
  'invalid-record',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface SkippedCase {
  /** As given to the report: relative to the folder it was found in. */
  file: string;
  reason: SkipReason;
  detail: string;
  /** 1-based, for parse errors. */
  line?: number;
  column?: number;
}

export interface CaseRecords {
  id: string;
  scenario: PartialScenario;
  healthbench: HealthBenchExport;
  rl: RlExport;
  /** Only when the history holds an earlier draft that differs from the final answer. */
  preference?: PreferenceExport;
}

export interface CaseInput {
  /** Shown in records and reports. */
  shownFile: string;
  text: string;
  includeUnverified: boolean;
  /** Only read when `preferences` is exported; null when the case has no history. */
  history?: (caseId: string) => Promise<HistoryEntry[]>;
  formats: readonly ExportFormat[];
  /** The verification gate's safety check (blockingFindings): a verified case with uncovered errors is skipped. */
  safety?: ((text: string) => BlockingFinding[]) | undefined;
}

/** The records one case contributes, or why it contributes none. Pure apart from the history lookup. */
export async function exportableCase(input: CaseInput): Promise<CaseRecords | SkippedCase> {
  const skip = (reason: SkipReason, detail: string, at?: { line: number; column: number }): SkippedCase => ({
    file: input.shownFile,
    reason,
    detail,
    ...(at ?? {}),
  });
  const document = readCaseFast(input.text);
  if (document.problems.length > 0) {
    const p = document.problems[0]!;
    return skip('parse-error', `${input.shownFile}:${p.line + 1}:${p.column + 1}: ${p.message}`, {
      line: p.line + 1,
      column: p.column + 1,
    });
  }
  const data = document.data;
  const status = data.review?.status ?? 'draft';
  const rubric = data.rubric ?? [];
  const answer = caseAnswer(document.body);
  if (document.question.trim() === '' || document.conversation.at(-1)?.role !== 'user')
    return skip('no-question', "no question, or the conversation does not end with the user's turn");
  if (!input.includeUnverified && status !== 'verified') return skip('not-verified', `review.status is ${status}`);
  if (rubric.length === 0) return skip('no-rubric', 'the front matter has no rubric items');
  const unverified = rubric.filter((item) => item.verified !== true).length;
  if (!input.includeUnverified && unverified > 0)
    return skip('unverified-items', `${unverified} of ${rubric.length} rubric items are not marked verified: true`);
  if (!input.includeUnverified && answer.trim() === '')
    return skip('no-answer', 'the case has no answer below the front matter');
  if (!input.includeUnverified) {
    // "Verified" means this answer and rubric, as the reviewer saw them, and safe: re-check both here, since
    // git, another editor or a script may have changed the file since.
    const fingerprint = reviewFingerprint(document.body, rubric);
    const recorded = data.review?.fingerprint;
    if (typeof recorded !== 'string')
      return skip(
        'stale-verification',
        'review.status is verified but the case has no review.fingerprint: verify it in the review panel',
      );
    if (recorded !== fingerprint)
      return skip('stale-verification', 'the answer or rubric changed after it was verified: verify it again');
    const open = uncoveredFindings(input.safety?.(input.text) ?? [], overrideOf(data.review), fingerprint);
    if (open.length > 0)
      return skip('unsafe-answer', `the answer has ${describeBlocking(open)} and no reviewer override`);
  }

  const id = caseIdOf(input.shownFile, data.id);
  const prompt = document.conversation.map((m) => ({ role: m.role, content: m.content }));
  const rubrics: ExportRubricItem[] = rubric.map((item) => ({
    criterion: item.criterion,
    points: item.points,
    tags: [...item.tags],
  }));
  const scenario: PartialScenario = {
    ...(data.audience ? { expertise: data.audience } : {}),
    ...(data.scenario ?? {}),
  };
  const exampleTags = exampleTagsOf(data.example_tags, scenario);
  const principleIds = [...new Set(rubric.map(principleOf).filter((p): p is string => p !== undefined))].sort();
  const hasAnswer = answer.trim() !== '';

  try {
    const healthbench = validated('healthbench', {
      prompt_id: id,
      prompt,
      rubrics,
      example_tags: exampleTags,
      ideal_completions_data: hasAnswer ? { ideal_completion: answer } : null,
      provenance: {
        source: 'clinalign',
        file: input.shownFile,
        case_sha256: sha256(input.text),
        review_status: status,
        reviewers: [...(data.review?.reviewers ?? [])],
      },
    });
    const rl = validated('rl', {
      prompt_id: id,
      prompt,
      rubrics,
      scenario,
      principle_ids: principleIds,
      example_tags: exampleTags,
    });
    const records: CaseRecords = { id, scenario, healthbench, rl };
    if (hasAnswer && input.formats.includes('preferences') && input.history) {
      const history = await input.history(id);
      const earliest = history[0];
      // ClinAlign's own comments (the new-case hint, disable comments) are no part of any exported text.
      const rejected = earliest ? caseAnswer(earliest.text) : '';
      if (earliest && rejected !== answer && rejected.trim() !== '') {
        records.preference = validated('preferences', {
          prompt_id: id,
          prompt,
          chosen: [{ role: 'assistant', content: answer }],
          rejected: [{ role: 'assistant', content: rejected }],
          rejected_source: earliest.source,
          ...(earliest.model ? { rejected_model: earliest.model } : {}),
          principles_addressed: [...new Set(history.flatMap((e) => e.principlesAddressed ?? []))].sort(),
          chosen_sha256: sha256(answer),
          rejected_sha256: sha256(rejected),
        });
      }
    }
    return records;
  } catch (error) {
    return skip('invalid-record', (error as Error).message);
  }
}

/** The case's own `example_tags` (kept from an import), then its scenario labels as `<dimension>:<label>`. */
function exampleTagsOf(own: unknown, scenario: PartialScenario): string[] {
  const tags = Array.isArray(own) ? own.filter((t): t is string => typeof t === 'string') : [];
  for (const dimension of SCENARIO_DIMENSIONS) {
    const label = scenario[dimension];
    if (label && label !== 'unknown' && !tags.includes(`${dimension}:${label}`)) tags.push(`${dimension}:${label}`);
  }
  return tags;
}

export function isSkipped(result: CaseRecords | SkippedCase): result is SkippedCase {
  return 'reason' in result;
}
