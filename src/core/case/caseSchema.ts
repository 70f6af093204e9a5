import * as z from 'zod';
import { AXES, rubricPointsSchema } from '../principles/schema';
import { partialScenarioSchema } from '../principles/scenarioLabels';

export const messageSchema = z.object({
  role: z.enum(['user', 'assistant', 'system']),
  content: z.string(),
});
export type Message = z.infer<typeof messageSchema>;

const tagSchema = z.string().regex(/^[a-z_]+:\S+$/, { message: 'tags look like "axis:accuracy" or "principle:<id>"' });

export const rubricItemSchema = z.looseObject({
  criterion: z.string().min(1),
  points: rubricPointsSchema,
  tags: z
    .array(tagSchema)
    .default([])
    .refine((tags) => tags.filter((t) => t.startsWith('axis:')).length <= 1, { message: 'at most one axis: tag' })
    .refine((tags) => tags.every((t) => !t.startsWith('axis:') || (AXES as readonly string[]).includes(t.slice(5))), {
      message: `axis must be one of ${AXES.join(', ')}`,
    }),
  verified: z.boolean().optional(),
});
export type RubricItem = z.infer<typeof rubricItemSchema>;

export const REVIEW_STATUSES = ['draft', 'in-review', 'verified'] as const;

export const reviewSchema = z.looseObject({
  status: z.enum(REVIEW_STATUSES).default('draft'),
  reviewers: z.array(z.string()).optional(),
});

/** The front matter of a `*.case.md` file (docs/ARCHITECTURE.md §3.1). Unknown keys are kept, not rejected. */
export const caseFrontMatterSchema = z
  .looseObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'id may hold letters, digits, ".", "_" and "-"' })
      .optional(),
    audience: z.enum(['layperson', 'clinician']).optional(),
    locale: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'locale looks like "en-US" or "en"' })
      .optional(),
    prompt: z.string().optional(),
    conversation: z.array(messageSchema).min(1).optional(),
    scenario: partialScenarioSchema.optional(),
    rubric: z.array(rubricItemSchema).optional(),
    review: reviewSchema.optional(),
  })
  .refine((fm) => !(fm.prompt !== undefined && fm.conversation !== undefined), {
    message: 'give either `prompt` or `conversation`, not both',
    path: ['conversation'],
  });
export type CaseFrontMatter = z.infer<typeof caseFrontMatterSchema>;
