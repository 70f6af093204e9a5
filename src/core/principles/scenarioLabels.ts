import * as z from 'zod';

/** The four clinical dimensions of docs/ARCHITECTURE.md §3.4 and the labels each may take. */
export const SCENARIO_LABELS = {
  urgency: ['emergent', 'conditionally-emergent', 'non-emergent'],
  uncertainty: ['none', 'reducible', 'irreducible'],
  expertise: ['clinician', 'layperson'],
  task: ['advice', 'information', 'health-data'],
} as const;

export type ScenarioDimension = keyof typeof SCENARIO_LABELS;
export const SCENARIO_DIMENSIONS = Object.keys(SCENARIO_LABELS) as ScenarioDimension[];

export type ScenarioLabel<D extends ScenarioDimension = ScenarioDimension> = (typeof SCENARIO_LABELS)[D][number];

/** A label on one dimension, or `unknown` when nothing supports a guess. */
export type Scenario = { [D in ScenarioDimension]: ScenarioLabel<D> | 'unknown' };

export const UNKNOWN_SCENARIO: Scenario = {
  urgency: 'unknown',
  uncertainty: 'unknown',
  expertise: 'unknown',
  task: 'unknown',
};

/** Partial scenario as written by a reviewer in a case's front matter. */
export const partialScenarioSchema = z
  .object({
    urgency: z.enum([...SCENARIO_LABELS.urgency, 'unknown']).optional(),
    uncertainty: z.enum([...SCENARIO_LABELS.uncertainty, 'unknown']).optional(),
    expertise: z.enum([...SCENARIO_LABELS.expertise, 'unknown']).optional(),
    task: z.enum([...SCENARIO_LABELS.task, 'unknown']).optional(),
  })
  .strict();

export type PartialScenario = z.infer<typeof partialScenarioSchema>;

/** `applies:` in a principle: for each listed dimension, the labels it applies to. */
export const appliesSchema = z
  .object({
    urgency: z.array(z.enum(SCENARIO_LABELS.urgency)).min(1).optional(),
    uncertainty: z.array(z.enum(SCENARIO_LABELS.uncertainty)).min(1).optional(),
    expertise: z.array(z.enum(SCENARIO_LABELS.expertise)).min(1).optional(),
    task: z.array(z.enum(SCENARIO_LABELS.task)).min(1).optional(),
  })
  .strict();

export type Applies = z.infer<typeof appliesSchema>;

/** True when every dimension named in `applies` has the scenario's label in its list. */
export function scenarioMatches(applies: Applies | undefined, scenario: Scenario): boolean {
  if (!applies) return true;
  for (const dimension of SCENARIO_DIMENSIONS) {
    const allowed = applies[dimension] as readonly string[] | undefined;
    if (allowed && !allowed.includes(scenario[dimension])) return false;
  }
  return true;
}
