import * as z from 'zod';
import { messageSchema, type Message } from '../case/caseSchema';
import { contentPromptId } from '../dataset/contentPromptId';

/** A rubric item as the judge needs it; tags are optional in inline labels. */
export interface RewardItem {
  criterion: string;
  points: number;
  tags: string[];
}

/** What a reward is judged against: the original conversation (when known) and its rubric. */
export interface RewardRecord {
  promptId?: string | undefined;
  prompt?: Message[] | undefined;
  rubrics: RewardItem[];
}

/** HealthBench / RuscaRL items `{criterion, points, tags}`, or RaR-Medicine's `{title, description, weight}`. */
const itemSchema = z.union([
  z.object({ criterion: z.string().min(1), points: z.number().finite(), tags: z.array(z.string()).optional() }),
  z.object({ title: z.string().optional(), description: z.string().min(1), weight: z.number().finite() }),
]);

const itemsSchema = z.array(itemSchema).min(1);

/** rl.jsonl / healthbench.jsonl / `synthesize --queries` records: prompt + rubrics, with an id. */
export const recordSchema = z.object({
  prompt_id: z.string().min(1).optional(),
  id: z.string().min(1).optional(),
  prompt: z.union([z.array(messageSchema).min(1), z.string().min(1)]).optional(),
  rubrics: itemsSchema.optional(),
  rubric: itemsSchema.optional(), // RaR-Medicine's column name
  reward_model: z.object({ rubrics: itemsSchema }).optional(), // RuscaRL's verl rows
});

function toItem(raw: z.infer<typeof itemSchema>): RewardItem {
  if ('criterion' in raw) return { criterion: raw.criterion, points: raw.points, tags: raw.tags ?? [] };
  return { criterion: raw.title ? `${raw.title}: ${raw.description}` : raw.description, points: raw.weight, tags: [] };
}

export function toItems(raw: readonly z.infer<typeof itemSchema>[]): RewardItem[] {
  return raw.map(toItem).filter((item) => item.points !== 0);
}

/** A record from one of the accepted shapes, or the reason it is not one. Without an id it gets a content hash. */
export function parseRecord(value: unknown): { record: RewardRecord } | { problem: string } {
  const items = itemsSchema.safeParse(value);
  if (items.success) {
    const rubrics = toItems(items.data);
    return { record: { promptId: contentPromptId(undefined, rubrics), rubrics } };
  }
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success)
    return { problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ') };
  const r = parsed.data;
  const rubrics = r.rubrics ?? r.rubric ?? r.reward_model?.rubrics;
  const prompt = typeof r.prompt === 'string' ? [{ role: 'user' as const, content: r.prompt }] : r.prompt;
  if (!rubrics) return { problem: 'no rubrics (expected "rubrics": [{criterion, points, tags}])' };
  const converted = toItems(rubrics);
  return {
    record: { promptId: r.prompt_id ?? r.id ?? contentPromptId(prompt, converted), prompt, rubrics: converted },
  };
}

export { itemsSchema as rewardItemsSchema };
