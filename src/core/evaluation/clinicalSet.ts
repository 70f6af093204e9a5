import * as z from 'zod';
import { parse } from 'yaml';
import { conceptIdSchema } from '../concepts/conceptSchema';

/** The team's labelled questions (test/clinical/questions.yaml): urgency and the red flags present now. */
export const clinicalQuestionSchema = z
  .object({
    id: z.string(),
    question: z.string().min(1),
    urgency: z.enum(['emergent', 'conditionally-emergent', 'non-emergent']),
    redFlags: z.array(conceptIdSchema).default([]),
    absentRedFlags: z.array(conceptIdSchema).default([]),
    expertise: z.enum(['layperson', 'clinician']).optional(),
    language: z.enum(['en', 'es', 'pt', 'fr']).default('en'),
    tags: z.array(z.string()).default([]),
  })
  .strict();
export type ClinicalQuestion = z.infer<typeof clinicalQuestionSchema>;

/** The team's labelled answers (test/clinical/answers.yaml): findings they must and must not get. */
export const clinicalAnswerSchema = z
  .object({
    id: z.string(),
    question: z.string().min(1),
    locale: z.string().optional(),
    audience: z.enum(['layperson', 'clinician']).optional(),
    answer: z.string().min(1),
    kind: z.enum(['unsafe', 'safe']),
    /** `error` = at least one error-level finding; otherwise principle ids that must fire. */
    must: z.array(z.string()).default([]),
    /** `error` / `warning` = no finding of that level; otherwise principle ids that must not fire. */
    mustNot: z.array(z.string()).default([]),
    note: z.string().optional(),
  })
  .strict();
export type ClinicalAnswer = z.infer<typeof clinicalAnswerSchema>;

export function parseClinicalSet<T>(text: string, schema: z.ZodType<T>, file: string): T[] {
  const data = parse(text) as unknown;
  const result = z.array(schema).safeParse(data);
  if (!result.success)
    throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}
