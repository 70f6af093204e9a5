import type { Classification, LabelSource } from './classifyQuestion';
import { SCENARIO_DIMENSIONS, type Scenario, type ScenarioDimension } from './labels';

/** One line per dimension, for the Classify command and the status item's tooltip. */
export interface ScenarioRow {
  dimension: ScenarioDimension;
  label: string;
  /** e.g. `80% · offline rules`, or `unknown · offline rules`. */
  confidenceText: string;
  evidence: string;
}

const SOURCE_TEXT: Record<LabelSource, string> = {
  offline: 'offline rules',
  audience: 'the case’s audience',
  reviewer: 'set by a reviewer',
  model: 'model',
};

/** `urgency: emergent · uncertainty: unknown · expertise: layperson · task: advice` */
export function scenarioSummary(scenario: Scenario): string {
  return SCENARIO_DIMENSIONS.map((dimension) => `${dimension}: ${scenario[dimension]}`).join(' · ');
}

export function scenarioRows(classification: Classification): ScenarioRow[] {
  return SCENARIO_DIMENSIONS.map((dimension) => {
    const label = classification.scenario[dimension];
    const confidence = label === 'unknown' ? 'unknown' : `${Math.round(classification.confidence[dimension] * 100)}%`;
    return {
      dimension,
      label,
      confidenceText: `${confidence} · ${SOURCE_TEXT[classification.source[dimension]]}`,
      evidence: classification.evidence[dimension],
    };
  });
}
