import * as z from 'zod';
import { messageSchema } from '../case/caseSchema';
import { contentPromptId } from './contentPromptId';

/** One HealthBench JSONL record (the fields this project reads); a missing or empty `prompt_id` becomes a content hash. */
export const healthBenchRecordSchema = z
  .looseObject({
    prompt_id: z.string().optional(),
    prompt: z.array(messageSchema).min(1),
    rubrics: z.array(
      z.looseObject({ criterion: z.string(), points: z.number(), tags: z.array(z.string()).default([]) }),
    ),
    example_tags: z.array(z.string()).default([]),
    ideal_completions_data: z.looseObject({ ideal_completion: z.string() }).nullable().optional(),
  })
  .transform((record) => ({
    ...record,
    prompt_id: record.prompt_id || contentPromptId(record.prompt, record.rubrics),
  }));
export type HealthBenchRecord = z.infer<typeof healthBenchRecordSchema>;

/** Parses HealthBench JSONL text; a bad line is an error naming its line number. */
export function parseHealthBenchJsonl(text: string): HealthBenchRecord[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`line ${number}: not JSON: ${(error as Error).message}`);
      }
      const parsed = healthBenchRecordSchema.safeParse(json);
      if (!parsed.success)
        throw new Error(
          `line ${number}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      return parsed.data;
    });
}

/** The user's turns of a record, joined as the question text. */
export function userTurns(record: HealthBenchRecord): string {
  return record.prompt
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n\n');
}
