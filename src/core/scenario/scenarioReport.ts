import type { Classification } from './classifyQuestion';
import { scenarioRows, scenarioSummary, type ScenarioRow } from './describeScenario';

/** State of the model endpoint as the status shows it: no settings, usable, or a problem to fix. */
export type ModelState = 'not configured' | 'ready' | 'error';

/** What the scenario status item and the Classify command show for one case. */
export interface ScenarioReport {
  /** `urgency: emergent · uncertainty: unknown · …` */
  summary: string;
  rows: ScenarioRow[];
  /** How many principles apply to the case (a Case's `applicable`, the explorer's ticks). */
  applicablePrinciples: number;
  model: ModelState;
  /** `12 principles apply · model: not configured` */
  detail: string;
}

export function scenarioReport(
  classification: Classification,
  applicablePrinciples: number,
  model: ModelState = 'not configured',
): ScenarioReport {
  return {
    summary: scenarioSummary(classification.scenario),
    rows: scenarioRows(classification),
    applicablePrinciples,
    model,
    detail: `${applicablePrinciples} ${applicablePrinciples === 1 ? 'principle applies' : 'principles apply'} · model: ${model}`,
  };
}
