import { parseRecord, type RewardRecord } from './rewardRecord';
import type { RubricStore } from './rubricStore';

/**
 * What a trainer's label names: a `prompt_id` of the loaded data, or an inline record or rubric list (as an
 * object, or as the JSON string a dataset column holds). Returns the reason when it names nothing usable.
 */
export function resolveLabel(label: unknown, store: RubricStore): RewardRecord | { problem: string } {
  if (typeof label === 'string') {
    const id = label.trim();
    const known = store.get(id);
    if (known) return known;
    if (/^[[{]/.test(id)) {
      try {
        return resolveLabel(JSON.parse(id), store);
      } catch {
        return { problem: 'the label looks like JSON but does not parse' };
      }
    }
    if (id === '')
      return { problem: 'the label is empty: set --data.label_key to the prompt_id column, or send the rubric inline' };
    return { problem: `"${id.slice(0, 80)}" is not a prompt_id of the loaded data (${store.size} loaded)` };
  }
  if (label && typeof label === 'object' && !Array.isArray(label)) {
    const id = (label as { prompt_id?: unknown }).prompt_id;
    const hasRubric = ['rubrics', 'rubric', 'reward_model'].some((k) => k in label);
    if (typeof id === 'string' && !hasRubric) return resolveLabel(id, store);
  }
  const parsed = parseRecord(label);
  return 'problem' in parsed ? { problem: `not a prompt_id, record or rubric list: ${parsed.problem}` } : parsed.record;
}
