import * as z from 'zod';
import type { Message } from '../case/caseSchema';
import { healthBenchRecordSchema, type HealthBenchRecord } from '../dataset/healthbenchRecord';
import { jsonlLines, parseJsonLine } from '../dataset/jsonlLines';
import type { GraderName, ItemJudge } from '../model/itemJudge';
import { gradeAnswer } from '../workflows/gradeAnswer';
import type { StructuredClient, WorkflowOptions } from '../workflows/workflowOptions';
import { summarizeEval, type EvalSummary, type GradedExample } from './evalSummary';
import { BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED } from './setStatistics';

/** One line of a responses file. */
export const givenResponseSchema = z.looseObject({ prompt_id: z.string().min(1), response: z.string() });

/** Where the answers being evaluated come from. */
export type ResponseSource =
  | { kind: 'file'; file: string }
  | {
      kind: 'model';
      sampler: { model: string; sample(conversation: readonly Message[], signal?: AbortSignal): Promise<string> };
    };

export interface EvalOptions {
  /** HealthBench-format JSONL. */
  data: string;
  responses: ResponseSource;
  judge: StructuredClient;
  /** Judges each item (the HealthBench grader); the judge client's structured judge when absent. */
  itemJudge?: ItemJudge | undefined;
}

export interface EvalFailure {
  prompt_id: string;
  message: string;
}

export interface EvalReport extends EvalSummary {
  judge_model: string;
  /** The judge protocol: `healthbench` follows simple-evals, for comparison with published numbers. */
  grader: GraderName;
  /** The model that wrote the answers, when they were sampled. */
  model: string | null;
  responses_from: 'file' | 'model';
  n_examples: number;
  /** Examples with no answer in the responses file. */
  missing: string[];
  failures: EvalFailure[];
  bootstrap: { resamples: number; seed: number };
}

/**
 * HealthBench-style evaluation: each example's answer (given, or sampled from the model) is graded item by
 * item with the judge (cached, so a re-run only pays for what is missing), then scored and summarized.
 */
export async function runEval(options: EvalOptions, hooks: WorkflowOptions = {}): Promise<EvalReport> {
  const records = await readRecords(options.data);
  const given = options.responses.kind === 'file' ? await readResponses(options.responses.file) : undefined;
  const missing = given ? records.filter((r) => !given.has(r.prompt_id)).map((r) => r.prompt_id) : [];
  const todo = given ? records.filter((r) => given.has(r.prompt_id)) : records;

  const total = todo.reduce((n, r) => n + r.rubrics.length, 0);
  let done = 0;
  hooks.onProgress?.({ done, total, message: 'grading' });
  const settled = await Promise.allSettled(
    todo.map(async (record): Promise<GradedExample> => {
      const answer = given
        ? given.get(record.prompt_id)!
        : await (options.responses as Extract<ResponseSource, { kind: 'model' }>).sampler.sample(
            record.prompt,
            hooks.signal,
          );
      let counted = 0;
      const grade = await gradeAnswer(
        options.judge,
        {
          conversation: record.prompt,
          answer,
          rubric: record.rubrics.map((r) => ({ criterion: r.criterion, points: r.points, tags: r.tags })),
        },
        {
          signal: hooks.signal,
          judge: options.itemJudge,
          onProgress: (p) => {
            done += p.done - counted;
            counted = p.done;
            hooks.onProgress?.({ done, total, message: 'grading' });
          },
        },
      );
      return { prompt_id: record.prompt_id, example_tags: record.example_tags, items: grade.items };
    }),
  );
  if (hooks.signal?.aborted) throw hooks.signal.reason ?? new Error('evaluation cancelled');

  const graded: GradedExample[] = [];
  const failures: EvalFailure[] = [];
  settled.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') graded.push(outcome.value);
    else failures.push({ prompt_id: todo[index]!.prompt_id, message: (outcome.reason as Error).message });
  });
  return {
    ...summarizeEval(graded),
    judge_model: options.judge.judgeModel,
    grader: options.itemJudge?.grader ?? 'clinalign',
    model: options.responses.kind === 'model' ? options.responses.sampler.model : null,
    responses_from: options.responses.kind,
    n_examples: records.length,
    missing,
    failures,
    bootstrap: { resamples: BOOTSTRAP_RESAMPLES, seed: BOOTSTRAP_SEED },
  };
}

async function readRecords(file: string): Promise<HealthBenchRecord[]> {
  const records: HealthBenchRecord[] = [];
  for await (const line of jsonlLines(file)) {
    const parsed = healthBenchRecordSchema.safeParse(parseJsonLine(line));
    if (!parsed.success)
      throw new Error(
        `${file}:${line.number}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    records.push(parsed.data);
  }
  return records;
}

/**
 * The responses file as prompt_id → answer. A prompt_id given twice is refused with both line numbers: which
 * answer was meant to be graded cannot be guessed.
 */
async function readResponses(file: string): Promise<Map<string, string>> {
  const responses = new Map<string, string>();
  const lineOf = new Map<string, number>();
  const duplicates: string[] = [];
  for await (const line of jsonlLines(file)) {
    const parsed = givenResponseSchema.safeParse(parseJsonLine(line));
    if (!parsed.success)
      throw new Error(
        `${file}:${line.number}: expected {"prompt_id": …, "response": …}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    const id = parsed.data.prompt_id;
    const first = lineOf.get(id);
    if (first !== undefined)
      duplicates.push(`${file}:${line.number}: prompt_id ${JSON.stringify(id)} is already on line ${first}`);
    else lineOf.set(id, line.number);
    responses.set(id, parsed.data.response);
  }
  if (duplicates.length > 0) {
    const shown = duplicates.slice(0, 10).join('\n');
    throw new Error(
      `${duplicates.length} duplicate prompt_id${duplicates.length === 1 ? '' : 's'} in ${file}; keep one response per prompt:\n${shown}${duplicates.length > 10 ? '\n…' : ''}`,
    );
  }
  return responses;
}
