import * as z from 'zod';
import { compileTerm } from './termPattern';

export const CONCEPT_KINDS = ['red-flag', 'feature', 'body', 'population', 'medicine', 'action'] as const;
export type ConceptKind = (typeof CONCEPT_KINDS)[number];

export const LANGUAGES = ['en', 'es', 'pt', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const PREFIX_BY_KIND: Record<ConceptKind, string> = {
  'red-flag': 'redflag',
  feature: 'feature',
  body: 'body',
  population: 'population',
  medicine: 'medicine',
  action: 'action',
};

export const conceptIdSchema = z
  .string()
  .regex(/^(redflag|feature|body|population|medicine|action)\.[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'concept id must be <redflag|feature|body|population|medicine|action>.<kebab-name>',
  });

/** A concept id, or a prefix ending in `*` that selects several (`redflag.*`). */
export const conceptRefSchema = z
  .string()
  .regex(/^(redflag|feature|body|population|medicine|action)\.([a-z0-9]+(-[a-z0-9]+)*|\*|[a-z0-9-]+\*)$/, {
    message: 'a concept reference is an id (redflag.stroke) or a prefix ending in * (redflag.*)',
  });

const termSchema = z
  .string()
  .min(1)
  .superRefine((term, ctx) => {
    const compiled = compileTerm(term);
    if (typeof compiled === 'string') ctx.addIssue({ code: 'custom', message: compiled });
  });

const termsByLanguageSchema = z
  .object({
    en: z.array(termSchema).optional(),
    es: z.array(termSchema).optional(),
    pt: z.array(termSchema).optional(),
    fr: z.array(termSchema).optional(),
  })
  .strict();

const comboPartSchema = z.union([
  z.object({ concept: conceptIdSchema }).strict(),
  z.object({ terms: z.array(termSchema).min(1) }).strict(),
]);

export const comboSchema = z
  .object({
    all: z.array(comboPartSchema).min(2),
    /** Words between the parts, at most. */
    window: z.number().int().min(1).max(60).default(8),
  })
  .strict();

const examplesSchema = z.array(z.object({ text: z.string().min(1), matches: z.boolean() }).strict());

const urgencySchema = z.enum(['emergent', 'conditionally-emergent']);

export const conceptSchema = z
  .object({
    id: conceptIdSchema,
    kind: z.enum(CONCEPT_KINDS),
    label: z.string().min(3),
    urgency: urgencySchema.optional(),
    emergentWith: z.array(conceptIdSchema).optional(),
    terms: termsByLanguageSchema.optional(),
    combos: z.array(comboSchema).optional(),
    examples: examplesSchema.optional(),
    sources: z.array(z.string().min(3)).optional(),
  })
  .strict()
  .refine((c) => c.id.startsWith(`${PREFIX_BY_KIND[c.kind]}.`), {
    message: 'the id prefix must match the kind',
    path: ['id'],
  })
  .refine((c) => c.kind === 'red-flag' || (c.urgency === undefined && c.emergentWith === undefined), {
    message: '`urgency` and `emergentWith` are for red flags only',
    path: ['urgency'],
  })
  .refine((c) => c.kind !== 'red-flag' || c.urgency !== undefined, {
    message: 'a red flag needs `urgency`',
    path: ['urgency'],
  })
  .refine((c) => Object.values(c.terms ?? {}).some((t) => t && t.length > 0) || (c.combos?.length ?? 0) > 0, {
    message: 'a concept needs `terms` or `combos`',
    path: ['terms'],
  });
export type ConceptData = z.infer<typeof conceptSchema>;

/** A team entry that adds terms or combos to a concept defined elsewhere. */
export const conceptPatchSchema = z
  .object({
    id: conceptIdSchema,
    terms: termsByLanguageSchema.optional(),
    combos: z.array(comboSchema).optional(),
    examples: examplesSchema.optional(),
  })
  .strict();

export const CONTEXT_KINDS = ['negated', 'hypothetical', 'historical', 'other-person', 'refuted'] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];

const triggerListSchema = z.array(termSchema);
const triggersSchema = z
  .object({
    before: triggerListSchema.optional(),
    after: triggerListSchema.optional(),
    /** `before` triggers whose scope ends at the clause: "Stop taking it, take an antihistamine". */
    beforeClause: triggerListSchema.optional(),
    /** Triggers that open a sentence and cover the whole sentence before it: "… This is a myth." */
    previousSentence: triggerListSchema.optional(),
  })
  .strict();

/** NegEx/ConText trigger phrases; team files add to the bundled lists. */
export const contextRulesSchema = z
  .object({
    negated: triggersSchema.optional(),
    hypothetical: triggersSchema.optional(),
    historical: triggersSchema.optional(),
    'other-person': triggersSchema.optional(),
    /** Claims the text reports in order to reject them: "it is a myth that…", "some people claim…". */
    refuted: triggersSchema.optional(),
    /** Phrases that contain a trigger word but are not triggers ("not only", "no longer hurts" is handled by terms). */
    pseudo: triggerListSchema.optional(),
    /** Words that end a trigger's scope ("but", "now"). */
    terminate: triggerListSchema.optional(),
    /** Triggers that are ordinary words in another language (Portuguese "no" = "in the"): ignored there. */
    ignoreIn: z.partialRecord(z.enum(LANGUAGES), z.array(z.string().min(1))).optional(),
  })
  .strict();
export type ContextRulesData = z.infer<typeof contextRulesSchema>;

export const conceptFileSchema = z
  .object({ concepts: z.array(z.unknown()).optional(), context: z.unknown().optional() })
  .strict();
