import * as z from 'zod';
import { messageSchema } from '../case/caseSchema';
import { AXES } from '../principles/schema';
import { partialScenarioSchema } from '../scenario/labels';

/** The formats `clinalign export` writes, each to `<format>.jsonl` (docs/ARCHITECTURE.md §3.6); verl's to `verl.parquet`. */
export const EXPORT_FORMATS = ['healthbench', 'preferences', 'rl', 'verl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** What an export writes when no formats are named (verl's parquet is asked for by name). */
export const DEFAULT_EXPORT_FORMATS: readonly ExportFormat[] = ['healthbench', 'preferences', 'rl'];

export function exportFileName(format: ExportFormat): string {
  return format === 'verl' ? 'verl.parquet' : `${format}.jsonl`;
}

const axisTagged = (tags: string[]) =>
  tags.filter((t) => t.startsWith('axis:')).every((t) => (AXES as readonly string[]).includes(t.slice(5)));

/** A rubric item as HealthBench writes it: no `verified` flag, tags as strings. */
export const exportRubricItemSchema = z.strictObject({
  criterion: z.string().min(1),
  points: z
    .number()
    .int()
    .min(-10)
    .max(10)
    .refine((p) => p !== 0, { message: 'points are never 0' }),
  tags: z.array(z.string()).refine(axisTagged, { message: 'unknown axis tag' }),
});
export type ExportRubricItem = z.infer<typeof exportRubricItemSchema>;

const promptSchema = z
  .array(messageSchema)
  .min(1)
  .refine((m) => m.at(-1)!.role === 'user', { message: "the last turn is the user's" });

/** Where a record came from; no times, so re-exports are byte-identical. */
export const provenanceSchema = z.strictObject({
  source: z.literal('clinalign'),
  /** The case file, relative to the folder it was found in. */
  file: z.string(),
  /** sha256 of the case file's text. */
  case_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  review_status: z.string(),
  reviewers: z.array(z.string()),
});

export const healthBenchExportSchema = z.strictObject({
  prompt_id: z.string().min(1),
  prompt: promptSchema,
  rubrics: z.array(exportRubricItemSchema).min(1),
  example_tags: z.array(z.string()),
  ideal_completions_data: z.strictObject({ ideal_completion: z.string().min(1) }).nullable(),
  provenance: provenanceSchema,
});
export type HealthBenchExport = z.infer<typeof healthBenchExportSchema>;

const assistantTurn = z.array(z.strictObject({ role: z.literal('assistant'), content: z.string().min(1) })).length(1);

/** TRL's conversational preference shape: `prompt` messages, `chosen`/`rejected` assistant turns. */
export const preferenceExportSchema = z
  .strictObject({
    prompt_id: z.string().min(1),
    prompt: promptSchema,
    chosen: assistantTurn,
    rejected: assistantTurn,
    rejected_source: z.enum(['human', 'model-revision']),
    rejected_model: z.string().optional(),
    principles_addressed: z.array(z.string()),
    chosen_sha256: z.string().regex(/^[0-9a-f]{64}$/),
    rejected_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .refine((r) => r.chosen[0]!.content !== r.rejected[0]!.content, { message: 'chosen and rejected are the same text' });
export type PreferenceExport = z.infer<typeof preferenceExportSchema>;

/** Prompt + rubric, as rubric-reward RL pipelines read them. */
export const rlExportSchema = z.strictObject({
  prompt_id: z.string().min(1),
  prompt: promptSchema,
  rubrics: z.array(exportRubricItemSchema).min(1),
  scenario: partialScenarioSchema,
  principle_ids: z.array(z.string()),
  example_tags: z.array(z.string()),
});
export type RlExport = z.infer<typeof rlExportSchema>;

export const EXPORT_SCHEMAS = {
  healthbench: healthBenchExportSchema,
  preferences: preferenceExportSchema,
  rl: rlExportSchema,
} as const;

/** A record validated before it is written; the message names the record and the field. */
export function validated<F extends keyof typeof EXPORT_SCHEMAS>(
  format: F,
  record: unknown,
): z.infer<(typeof EXPORT_SCHEMAS)[F]> {
  const result = EXPORT_SCHEMAS[format].safeParse(record);
  if (!result.success) {
    throw new Error(
      `${format} record invalid: ${result.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ')}`,
    );
  }
  return result.data as z.infer<(typeof EXPORT_SCHEMAS)[F]>;
}
