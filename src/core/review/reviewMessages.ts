// The messages between the review panel (webview) and the extension, both directions, as zod schemas: every
// message is parsed on arrival, so a malformed one is dropped and logged instead of acted on. `zod/mini`
// keeps the webview bundle small; this file imports nothing else, so the browser bundle can use it.
import * as z from 'zod/mini';

export const REVIEW_STATUS_VALUES = ['draft', 'in-review', 'verified'] as const;

const index = z.int().check(z.gte(0), z.lte(999));
export const pointsSchema = z.int().check(
  z.gte(-10),
  z.lte(10),
  z.refine((n) => n !== 0, 'points are never 0'),
);

/** An edit of the case's front matter, made from the panel. */
export const reviewActionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('setScenario'),
    dimension: z.enum(['urgency', 'uncertainty', 'expertise', 'task']),
    label: z.string().check(z.minLength(1), z.maxLength(40)),
  }),
  z.object({
    kind: z.literal('setCriterion'),
    index,
    criterion: z.string().check(
      z.maxLength(2000),
      z.refine((s) => s.trim() !== '', 'a criterion cannot be empty'),
    ),
  }),
  z.object({ kind: z.literal('setPoints'), index, points: pointsSchema }),
  z.object({ kind: z.literal('setAxis'), index, axis: z.string().check(z.minLength(1), z.maxLength(40)) }),
  z.object({ kind: z.literal('setVerified'), index, verified: z.boolean() }),
  z.object({ kind: z.literal('addItem') }),
  z.object({ kind: z.literal('deleteItem'), index }),
  z.object({ kind: z.literal('moveItem'), index, to: index }),
  z.object({
    kind: z.literal('setStatus'),
    status: z.enum(REVIEW_STATUS_VALUES),
    /** Verify despite error findings: the reviewer's reason, recorded in the front matter. */
    overrideReason: z.optional(
      z.string().check(
        z.maxLength(2000),
        z.refine((s) => s.trim().length >= 3, 'give a reason'),
      ),
    ),
  }),
]);
export type ReviewAction = z.infer<typeof reviewActionSchema>;

/** Webview → extension. */
export const panelToExtensionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('edit'), action: reviewActionSchema }),
  z.object({ type: z.literal('openPrinciple'), id: z.string().check(z.minLength(1), z.maxLength(200)) }),
  z.object({ type: z.literal('synthesize'), mode: z.enum(['offline', 'model']) }),
  z.object({ type: z.literal('grade') }),
  z.object({ type: z.literal('openRevision'), index }),
  z.object({ type: z.literal('openCase') }),
]);
export type PanelToExtension = z.infer<typeof panelToExtensionSchema>;

const nullableString = z.nullable(z.string());

export const scenarioRowViewSchema = z.object({
  dimension: z.enum(['urgency', 'uncertainty', 'expertise', 'task']),
  label: z.string(),
  options: z.array(z.string()),
  /** `offline rules`, `the case’s audience`, `set by a reviewer`, `model`. */
  source: z.string(),
  /** `80%`, or `unknown`. */
  confidence: z.string(),
  evidence: z.string(),
});

export const rubricItemViewSchema = z.object({
  index,
  criterion: z.string(),
  points: z.int(),
  axis: nullableString,
  principleId: nullableString,
  principleTitle: nullableString,
  verified: z.boolean(),
  /** The reviewer rules this item breaks (not atomic, duplicate, no axis). */
  warnings: z.array(z.string()),
});
export type RubricItemView = z.infer<typeof rubricItemViewSchema>;

export const gradeViewSchema = z.object({
  time: z.string(),
  judgeModel: z.string(),
  score: z.nullable(z.number()),
  scoreText: z.string(),
  stale: z.boolean(),
  /** Why the grade no longer describes the case, e.g. `the answer changed since it was graded`. */
  staleReason: nullableString,
  items: z.array(z.object({ criterion: z.string(), points: z.int(), met: z.boolean(), explanation: z.string() })),
});
export type GradeView = z.infer<typeof gradeViewSchema>;

export const reviewViewSchema = z.object({
  status: z.enum(REVIEW_STATUS_VALUES),
  reviewers: z.array(z.string()),
  updatedBy: nullableString,
  updatedAt: nullableString,
  /** Shown prominently: e.g. why a verified case went back to in-review. */
  note: nullableString,
  verifiedItems: z.int(),
  items: z.int(),
  /** Why "Verified" cannot be chosen now, or null when it can. */
  verifyBlocker: nullableString,
});
export type ReviewView = z.infer<typeof reviewViewSchema>;

export const historyEntryViewSchema = z.object({
  index,
  time: z.string(),
  source: z.string(),
  model: nullableString,
  principles: z.array(z.string()),
  score: nullableString,
  /** The entry's text is the answer in the document now. */
  current: z.boolean(),
});
export type HistoryEntryView = z.infer<typeof historyEntryViewSchema>;

export const reviewStateSchema = z.object({
  uri: z.string(),
  fileName: z.string(),
  caseId: z.string(),
  /** Null when the panel can edit; else why not (broken front matter). */
  problem: nullableString,
  axes: z.array(z.string()),
  scenario: z.array(scenarioRowViewSchema),
  rubric: z.array(rubricItemViewSchema),
  /** Warnings about the rubric as a whole (no negative item, fewer than 3 axes, item count). */
  rubricWarnings: z.array(z.string()),
  review: reviewViewSchema,
  grade: z.nullable(gradeViewSchema),
  history: z.array(historyEntryViewSchema),
  model: z.object({ available: z.boolean(), detail: z.string() }),
  /** What the extension is busy with (synthesizing, grading), or null. */
  busy: nullableString,
});
export type ReviewState = z.infer<typeof reviewStateSchema>;

/** Extension → webview. */
export const extensionToPanelSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), state: z.nullable(reviewStateSchema) }),
  z.object({ type: z.literal('notice'), level: z.enum(['info', 'error']), text: z.string() }),
]);
export type ExtensionToPanel = z.infer<typeof extensionToPanelSchema>;

/** What the webview keeps with `setState`, so a restored panel knows its case. */
export const panelMementoSchema = z.object({ uri: z.string() });
export type PanelMemento = z.infer<typeof panelMementoSchema>;
