import * as z from 'zod';
import { messageSchema } from '../case/caseSchema';
import { stripReasoning } from './extractResponse';
import { HttpError } from './httpError';
import { resolveLabel } from './resolveLabel';
import { EXTRA_LOG_KEYS, type RewardOptions } from './rewardScore';
import type { RubricStore } from './rubricStore';
import { scoreSamples, type ScoringContext } from './scoreSamples';

/** verl's custom reward arguments, posted as JSON by `integrations/verl_reward.py`. */
const scoreRequest = z.object({
  data_source: z.string().optional(),
  solution_str: z.string(),
  ground_truth: z.unknown(),
  extra_info: z
    .object({ prompt_id: z.string().optional(), prompt: z.union([z.array(messageSchema), z.string()]).optional() })
    .passthrough()
    .nullish(),
});

/**
 * `POST /score` for verl and TRL: `{data_source, solution_str, ground_truth, extra_info}` → `{score, …}`.
 * `ground_truth` is the rubric JSON string of `export --formats verl` (or a prompt_id); verl passes no prompt,
 * so the messages come from `extra_info.prompt`, or from the loaded record of `extra_info.prompt_id`. Every
 * answer has the same keys (verl logs them per sample).
 */
export async function scoreSolution(
  body: unknown,
  store: RubricStore,
  context: ScoringContext,
  options: RewardOptions,
): Promise<Record<string, number>> {
  const parsed = scoreRequest.safeParse(body);
  if (!parsed.success)
    throw new HttpError(
      400,
      `expected {"data_source", "solution_str", "ground_truth", "extra_info"}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`,
    );
  const { solution_str, ground_truth, extra_info } = parsed.data;
  const label = ground_truth ?? extra_info?.prompt_id;
  const record = resolveLabel(label ?? '', store);
  if ('problem' in record) throw new HttpError(422, `ground_truth: ${record.problem}`);
  const known = extra_info?.prompt_id ? store.get(extra_info.prompt_id) : undefined;
  const prompt =
    typeof extra_info?.prompt === 'string'
      ? [{ role: 'user' as const, content: extra_info.prompt }]
      : extra_info?.prompt;
  const withPrompt = {
    ...record,
    prompt: record.prompt ?? (prompt && prompt.length > 0 ? prompt : known?.prompt),
    promptId: extra_info?.prompt_id ?? record.promptId,
  };
  const [result] = await scoreSamples(
    context,
    [{ record: withPrompt, response: stripReasoning(solution_str).trim() }],
    options,
  );
  return {
    score: result!.reward,
    clipped_score: result!.score,
    ...Object.fromEntries(EXTRA_LOG_KEYS.map((k) => [k, result!.logs[k]])),
  };
}
