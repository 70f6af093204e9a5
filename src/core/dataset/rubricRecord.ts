import * as z from 'zod';
import { messageSchema } from '../case/caseSchema';
import { SCENARIO_LABELS } from '../scenario/labels';
import { exportRubricItemSchema } from './exportRecords';

const label = <L extends readonly [string, ...string[]]>(labels: L) =>
  z.enum([...labels, 'unknown'] as [string, ...string[]]);

/** One line of `clinalign synthesize --queries … --out rubrics.jsonl`. */
export const rubricRecordSchema = z.strictObject({
  id: z.string().min(1),
  prompt: z.array(messageSchema).min(1),
  scenario: z.strictObject({
    urgency: label(SCENARIO_LABELS.urgency),
    uncertainty: label(SCENARIO_LABELS.uncertainty),
    expertise: label(SCENARIO_LABELS.expertise),
    task: label(SCENARIO_LABELS.task),
  }),
  rubrics: z.array(exportRubricItemSchema).min(1),
  source: z.enum(['offline', 'model', 'model+offline']),
  model: z.string().optional(),
  /** The principles offered for this question, best first. */
  principle_pool: z.array(z.string()),
  /** Rubric constraints left unmet (too few items, no negative item…). */
  unmet: z.array(z.string()),
});
export type RubricRecord = z.infer<typeof rubricRecordSchema>;
