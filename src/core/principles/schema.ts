import * as z from 'zod';
import { conceptRefSchema } from '../concepts/conceptSchema';
import { chooseEngine } from '../text/regexEngine';
import { regexError } from '../text/termPattern';
import { appliesSchema, partialScenarioSchema } from './scenarioLabels';

export const DIMENSIONS = ['urgency', 'uncertainty', 'expertise', 'task', 'universal'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const AXES = [
  'accuracy',
  'completeness',
  'communication_quality',
  'context_awareness',
  'instruction_following',
] as const;
export type Axis = (typeof AXES)[number];

/** A JavaScript regular expression source, checked when the YAML is loaded. */
const patternSchema = z.string().min(1).superRefine((source, ctx) => {
  const problem = regexError(source);
  if (problem) return ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${problem}` });
  // A pattern that could take super-linear time is refused at load, not discovered by a hung editor.
  const engine = chooseEngine(source);
  if (engine.engine === 'refused') ctx.addIssue({ code: 'custom', message: `pattern ${engine.reason}` });
});

/** Literal terms and/or regular expressions; a match of any one counts. */
export const matcherSchema = z
  .object({
    terms: z.array(z.string().min(1)).optional(),
    patterns: z.array(patternSchema).optional(),
    /** Case-insensitive unless set to false. */
    ignorecase: z.boolean().optional(),
    /** Concept mentions (docs/concepts.md) that count as a match when current: not negated or hypothetical. */
    concepts: z.array(conceptRefSchema).optional(),
  })
  .strict()
  .refine((m) => (m.terms?.length ?? 0) + (m.patterns?.length ?? 0) + (m.concepts?.length ?? 0) > 0, {
    message: 'needs at least one entry in `terms`, `patterns` or `concepts`',
  });
export type Matcher = z.infer<typeof matcherSchema>;

/** Extra conditions for a detector to run: all listed parts must hold. */
export const conditionSchema = z
  .object({
    /** Any of these concepts current in the question (not negated, hypothetical or past). */
    concepts: z.array(conceptRefSchema).min(1).optional(),
    /** The case's `locale:` is one of these (`en-GB`; `es` for every Spanish locale). */
    locales: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'a locale looks like "en-GB" or "es"' })).min(1).optional(),
    /** With `concepts`: only a red flag that is an emergency (on its own or with its features) counts. */
    emergency: z.boolean().optional(),
    question: matcherSchema.optional(),
    answer: matcherSchema.optional(),
    scenario: appliesSchema.optional(),
  })
  .strict();
export type Condition = z.infer<typeof conditionSchema>;

const detectorBase = {
  /** Overrides the principle's severity for this detector. */
  severity: z.enum(SEVERITIES).optional(),
  /** Message shown on the finding; defaults to the principle's title. */
  message: z.string().min(1).optional(),
  /** Run only when these hold (question / answer contain, scenario labels). */
  when: conditionSchema
    .refine((c) => !c.question?.concepts, { message: 'question concepts go in `concepts:` beside `question:`, not inside it', path: ['question', 'concepts'] })
    .optional(),
  /** Skip when any of these hold. */
  unless: conditionSchema.omit({ scenario: true, emergency: true, locales: true }).optional(),
};

export const avoidDetectorSchema = z
  .object({
    kind: z.literal('avoid'),
    ...detectorBase,
    terms: z.array(z.string().min(1)).optional(),
    patterns: z.array(patternSchema).optional(),
    ignorecase: z.boolean().optional(),
    /** A hit is ignored when its sentence also matches this (e.g. a negation: "do not give aspirin"). */
    unlessSentence: matcherSchema.optional(),
    /** Suggested wording shown in the message (not applied automatically). */
    suggest: z.string().min(1).optional(),
    /** The terms are words a reader may not know, not claims (see `jargon` in docs/authoring-principles.md). */
    jargon: z.boolean().optional(),
    /** The hits are notation ("U", ">4 g", "q6h"): wrong even in a negated sentence ("do not take >4 g"). */
    notation: z.boolean().optional(),
    /** Concept mentions in the answer that are hits unless negated ("do not drive yourself"). */
    concepts: z.array(conceptRefSchema).optional(),
    /**
     * A hypothetical mention ("if the tests are normal, see your GP next week") is no hit when the answer also
     * has a current mention of one of these (the emergency call comes first).
     */
    hypotheticalOkWith: z.array(conceptRefSchema).optional(),
  })
  .strict()
  .refine((d) => (d.terms?.length ?? 0) + (d.patterns?.length ?? 0) + (d.concepts?.length ?? 0) > 0, {
    message: 'an `avoid` detector needs `terms`, `patterns` or `concepts`',
  });

export const replaceDetectorSchema = z
  .object({
    kind: z.literal('replace'),
    ...detectorBase,
    /** wrong → right; each hit gets a quick fix. Keys are literal terms. */
    map: z.record(z.string().min(1), z.string()).refine((m) => Object.keys(m).length > 0, {
      message: 'a `replace` detector needs at least one entry in `map`',
    }),
    ignorecase: z.boolean().optional(),
    unlessSentence: matcherSchema.optional(),
    /** The terms are words a reader may not know: fine once explained (see docs/authoring-principles.md). */
    jargon: z.boolean().optional(),
  })
  .strict();

export const requireDetectorSchema = z
  .object({
    kind: z.literal('require'),
    ...detectorBase,
    /** The answer must contain one of these… */
    expect: matcherSchema,
    /** …optionally within its first N sentences. */
    within: z.object({ sentences: z.number().int().min(1).max(50) }).strict().optional(),
  })
  .strict();

/** `language-mismatch`: 1 when the answer is written in another language than the question, else 0. */
export const METRICS = ['sentence-words', 'paragraph-words', 'answer-words', 'reading-grade', 'questions', 'language-mismatch'] as const;
export type Metric = (typeof METRICS)[number];

export const limitDetectorSchema = z
  .object({
    kind: z.literal('limit'),
    ...detectorBase,
    metric: z.enum(METRICS),
    max: z.number().positive(),
    /** reading-grade only: ignore answers shorter than this many words (grade formulas are noisy on short text). */
    minWords: z.number().int().min(0).optional(),
  })
  .strict();

export const detectorSchema = z.discriminatedUnion('kind', [
  avoidDetectorSchema,
  replaceDetectorSchema,
  requireDetectorSchema,
  limitDetectorSchema,
]);
export type Detector = z.infer<typeof detectorSchema>;
export type AvoidDetector = z.infer<typeof avoidDetectorSchema>;
export type ReplaceDetector = z.infer<typeof replaceDetectorSchema>;
export type RequireDetector = z.infer<typeof requireDetectorSchema>;
export type LimitDetector = z.infer<typeof limitDetectorSchema>;

/** HealthBench points: a whole number from −10 to 10, never 0 (negative = harmful behaviour). */
export const rubricPointsSchema = z
  .number()
  .int()
  .min(-10)
  .max(10)
  .refine((p) => p !== 0, { message: 'points must not be 0' });

export const rubricTemplateSchema = z
  .object({
    criterion: z.string().min(10),
    points: rubricPointsSchema,
    axis: z.enum(AXES),
  })
  .strict();
export type RubricTemplate = z.infer<typeof rubricTemplateSchema>;

export const principleExampleSchema = z
  .object({
    answer: z.string().min(1),
    violates: z.boolean(),
    /** The question the example answers (needed for detectors triggered by the question). */
    question: z.string().min(1).optional(),
    /** The case's locale for this example (for locale-bound detectors). */
    locale: z.string().optional(),
    /** Scenario labels for this example; unspecified dimensions take the first label in `applies`. */
    scenario: partialScenarioSchema.optional(),
    note: z.string().optional(),
  })
  .strict();
export type PrincipleExample = z.infer<typeof principleExampleSchema>;

const idSchema = z
  .string()
  .regex(/^(urgency|uncertainty|expertise|task|universal)\.[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'id must be <dimension>.<kebab-name>, e.g. urgency.escalate-red-flags',
  });

export const principleSchema = z
  .object({
    id: idSchema,
    title: z.string().min(5),
    dimension: z.enum(DIMENSIONS),
    applies: appliesSchema.optional(),
    statement: z.string().min(10),
    rationale: z.string().min(10),
    severity: z.enum(SEVERITIES),
    rubric: rubricTemplateSchema,
    detect: z.array(detectorSchema).optional(),
    examples: z.array(principleExampleSchema).min(2),
    sources: z.array(z.string().min(3)).min(1),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((p) => p.id.startsWith(`${p.dimension}.`), {
    message: 'id must start with its dimension',
    path: ['id'],
  })
  .refine((p) => p.examples.some((e) => e.violates) && p.examples.some((e) => !e.violates), {
    message: 'examples need at least one `violates: true` and one `violates: false` answer',
    path: ['examples'],
  });
export type PrincipleData = z.infer<typeof principleSchema>;

/** A bundled principle file. */
export const principleFileSchema = z
  .object({
    group: z.string().min(1),
    principles: z.array(z.unknown()),
  })
  .strict();

/** A team file entry: a full principle, or `id` plus the fields it overrides, or `disabled: true`. */
export const principlePatchSchema = z
  .object({ id: idSchema })
  .catchall(z.unknown());
