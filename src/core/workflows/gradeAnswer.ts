import type { Message } from '../case/caseSchema';
import type { GraderName, ItemJudge } from '../model/itemJudge';
import { gradeBatchOutput, gradeBatchPrompt } from '../model/prompts/gradeBatchPrompt';
import { gradeItemOutput, gradeItemPrompt } from '../model/prompts/gradeItemPrompt';
import type { RubricItem } from '../rubric/rubricItem';
import { scoreRubric } from '../rubric/scoreRubric';
import type { StructuredClient, WorkflowOptions } from './workflowOptions';

export type GradingMode = 'per-item' | 'batch';

export class EmptyAnswerError extends Error {
  override readonly name = 'EmptyAnswerError';
  constructor() {
    super('no answer to grade');
  }
}

export interface GradeInput {
  conversation: readonly Message[];
  answer: string;
  rubric: readonly Pick<RubricItem, 'criterion' | 'points' | 'tags'>[];
}

export interface GradedItem {
  criterion: string;
  points: number;
  tags: string[];
  /** For a negative item: the undesirable thing happened. */
  met: boolean;
  explanation: string;
}

export interface GradeResult {
  /** HealthBench: met points ÷ positive points; null when the rubric has no positive points. */
  score: number | null;
  items: GradedItem[];
  judgeModel: string;
  mode: GradingMode;
  /** Which judge protocol graded it (records written before graders existed have none: `clinalign`). */
  grader?: GraderName;
}

export interface GradeOptions extends WorkflowOptions {
  /** `per-item` (HealthBench: one judge call per item, cached per item) or `batch` (one call for all). */
  mode?: GradingMode;
  /** Judges each item instead of the client's structured `grade_item` call (e.g. the HealthBench grader). */
  judge?: ItemJudge | undefined;
}

/**
 * Grades an answer against its rubric with the judge model. Per item, calls run concurrently up to the
 * client's bound and each result is cached, so re-grading after an edit pays only for what changed.
 */
export async function gradeAnswer(
  client: StructuredClient,
  input: GradeInput,
  options: GradeOptions = {},
): Promise<GradeResult> {
  // Every judge call would grade nothing: refused before any is made, whichever front end asks.
  if (input.answer.trim() === '') throw new EmptyAnswerError();
  const mode = options.mode ?? 'per-item';
  if (mode === 'batch' && options.judge && options.judge.grader !== 'clinalign')
    throw new Error(`the ${options.judge.grader} grader judges one item per call: grade without --batch`);
  const verdicts =
    mode === 'batch'
      ? await gradeBatched(client, input, options)
      : await gradeEachItem(
          client,
          input,
          options,
          input.rubric.map((_, i) => i),
        );
  const items = input.rubric.map((item, index) => ({
    criterion: item.criterion,
    points: item.points,
    tags: [...item.tags],
    met: verdicts.get(index)!.criteria_met,
    explanation: verdicts.get(index)!.explanation,
  }));
  return {
    score: scoreRubric(items),
    items,
    judgeModel: options.judge?.judgeModel ?? client.judgeModel,
    mode,
    grader: options.judge?.grader ?? 'clinalign',
  };
}

type Verdict = { explanation: string; criteria_met: boolean };

async function gradeEachItem(
  client: StructuredClient,
  input: GradeInput,
  options: GradeOptions,
  indexes: number[],
): Promise<Map<number, Verdict>> {
  let done = 0;
  const total = indexes.length;
  options.onProgress?.({ done, total, message: 'grading' });
  // allSettled: items already judged reach the cache even when one fails, so a re-run resumes.
  const settled = await Promise.allSettled(
    indexes.map(async (index) => {
      const item = input.rubric[index]!;
      const prompt = { conversation: input.conversation, response: input.answer, item };
      const verdict = options.judge
        ? await options.judge.judge(prompt, options.signal)
        : await client.completeJson(gradeItemOutput, gradeItemPrompt(prompt), {
            signal: options.signal,
            model: client.judgeModel,
            cache: true,
          });
      options.onProgress?.({ done: ++done, total, message: 'grading' });
      return [index, verdict] as const;
    }),
  );
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) throw (failure as PromiseRejectedResult).reason;
  return new Map(settled.map((s) => (s as PromiseFulfilledResult<readonly [number, Verdict]>).value));
}

/** One call for the whole rubric; items the reply leaves out are judged one by one. */
async function gradeBatched(
  client: StructuredClient,
  input: GradeInput,
  options: WorkflowOptions,
): Promise<Map<number, Verdict>> {
  options.onProgress?.({ done: 0, total: 1, message: 'grading (batch)' });
  const reply = await client.completeJson(
    gradeBatchOutput,
    gradeBatchPrompt({ conversation: input.conversation, response: input.answer, items: input.rubric }),
    {
      signal: options.signal,
      model: client.judgeModel,
      cache: true,
    },
  );
  const verdicts = new Map<number, Verdict>();
  for (const result of reply.results) {
    const index = result.item - 1;
    if (index < input.rubric.length && !verdicts.has(index)) verdicts.set(index, result);
  }
  const missing = input.rubric.map((_, i) => i).filter((i) => !verdicts.has(i));
  if (missing.length > 0)
    for (const [index, verdict] of await gradeEachItem(client, input, options, missing)) verdicts.set(index, verdict);
  options.onProgress?.({ done: 1, total: 1 });
  return verdicts;
}

/** The items a revision should work on: positive items not met, negative items the answer triggers. */
export function unmetItems(grade: Pick<GradeResult, 'items'>): GradedItem[] {
  return grade.items.filter((item) => (item.points > 0 ? !item.met : item.met));
}
