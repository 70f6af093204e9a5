import * as z from 'zod';
import { extractResponse, stripSpecialTokens } from './extractResponse';
import { HttpError } from './httpError';
import { resolveLabel } from './resolveLabel';
import { EXTRA_LOG_KEYS } from './rewardScore';
import type { RewardOptions } from './rewardScore';
import type { RubricStore } from './rubricStore';
import { scoreSamples, type RewardSample, type ScoringContext } from './scoreSamples';

const strings = z.union([z.string(), z.array(z.string()).min(1)]).transform((v) => (typeof v === 'string' ? [v] : v));

/** OpenRLHF's remote reward request; the key is `query`, singular. N ≥ 1 (newer versions send one sample). */
const getRewardRequest = z.object({
  query: strings,
  prompts: strings.optional(),
  labels: z.unknown().optional(),
});

export interface GetRewardResponse {
  rewards: number[];
  scores: number[];
  extra_logs: Record<string, number[]>;
}

/**
 * `POST /get_reward`, drop-in for `--reward.remote_url`: `{query, prompts, labels}` → `{rewards, scores,
 * extra_logs}`, every list of length N. A label that names no rubric is the caller's error (422 naming it);
 * judge trouble is not — it is logged per sample and the answer is still 200.
 */
export async function getReward(
  body: unknown,
  store: RubricStore,
  context: ScoringContext,
  options: RewardOptions,
): Promise<GetRewardResponse> {
  const parsed = getRewardRequest.safeParse(body);
  if (!parsed.success)
    throw new HttpError(
      400,
      `expected {"query": [str], "prompts": [str], "labels": [...]}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`,
    );
  const { query, prompts } = parsed.data;
  const n = query.length;
  const labels = Array.isArray(parsed.data.labels)
    ? parsed.data.labels
    : n === 1 && parsed.data.labels !== undefined
      ? [parsed.data.labels]
      : undefined;
  if (!labels)
    throw new HttpError(400, 'labels are missing: pass --data.label_key with the prompt_id (or rubric) column');
  if (labels.length !== n || (prompts && prompts.length !== n)) {
    throw new HttpError(
      400,
      `query, prompts and labels must have the same length (got ${n}, ${prompts?.length ?? 'none'}, ${labels.length})`,
    );
  }
  const samples: RewardSample[] = [];
  const problems: string[] = [];
  for (let i = 0; i < n; i++) {
    const record = resolveLabel(labels[i], store);
    if ('problem' in record) problems.push(`labels[${i}]: ${record.problem}`);
    else
      samples.push({
        record,
        response: extractResponse(query[i]!, prompts?.[i]),
        fallbackQuestion: prompts?.[i] ? stripSpecialTokens(prompts[i]!) : undefined,
      });
  }
  if (problems.length > 0)
    throw new HttpError(
      422,
      problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : ''),
    );
  const results = await scoreSamples(context, samples, options);
  const extra_logs = Object.fromEntries(EXTRA_LOG_KEYS.map((key) => [key, results.map((r) => r.logs[key])]));
  return { rewards: results.map((r) => r.reward), scores: results.map((r) => r.score), extra_logs };
}
