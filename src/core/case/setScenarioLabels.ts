import type { ScenarioDimension } from '../principles/scenarioLabels';
import { setScenarioLabel } from './setScenarioLabel';
import type { FrontMatterEdit } from './writeFrontMatter';

/**
 * Sets several `scenario:` labels as one change (one Undo step): each label as `setScenarioLabel` writes it,
 * then the smallest span that differs between the old and new text.
 */
export function setScenarioLabels(documentText: string, labels: Partial<Record<ScenarioDimension, string>>): FrontMatterEdit | undefined {
  let text = documentText;
  for (const [dimension, label] of Object.entries(labels)) {
    if (label !== undefined) text = setScenarioLabel(text, dimension as ScenarioDimension, label).text;
  }
  return text === documentText ? undefined : smallestChange(documentText, text);
}

function smallestChange(before: string, after: string): FrontMatterEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { text: after, start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}
