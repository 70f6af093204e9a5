import type { ScenarioDimension } from '../principles/scenarioLabels';
import { setScenarioLabel } from './setScenarioLabel';
import { smallestChange } from './smallestChange';
import type { FrontMatterEdit } from './writeFrontMatter';

/**
 * Sets several `scenario:` labels as one change (one Undo step): each label as `setScenarioLabel` writes it,
 * then the smallest span that differs between the old and new text.
 */
export function setScenarioLabels(
  documentText: string,
  labels: Partial<Record<ScenarioDimension, string>>,
): FrontMatterEdit | undefined {
  let text = documentText;
  for (const [dimension, label] of Object.entries(labels)) {
    if (label !== undefined) text = setScenarioLabel(text, dimension as ScenarioDimension, label).text;
  }
  return text === documentText ? undefined : smallestChange(documentText, text);
}
