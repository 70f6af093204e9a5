import { currentMentions, type Recognition } from '../concepts/recognise';
import type { Principle } from '../principles/principle';
import type { Detector } from '../principles/schema';
import { scenarioMatches, type Applies, type Scenario } from '../scenario/labels';

/** What decides whether a detector runs for a question: scenario labels, question concepts, question text. */
export interface QuestionConditions {
  scenarioConditions: Applies[];
  whenConcepts?: readonly string[] | undefined;
  /** Only red flags that are emergencies count for `whenConcepts`. */
  whenEmergency?: boolean | undefined;
  unlessConcepts?: readonly string[] | undefined;
  locales?: readonly string[] | undefined;
  whenQuestion?: { test(text: string): boolean } | undefined;
  unlessQuestion?: { test(text: string): boolean } | undefined;
}

/**
 * The principle's `applies` and the detector's `when.scenario`. A detector triggered by concepts runs on its
 * concept whatever the urgency label says: a wrong label must not hide a red flag that is in the question.
 */
export function scenarioConditionsOf(principle: Principle, detector: Detector): Applies[] {
  const conditions = [principle.applies, detector.when?.scenario].filter((a): a is Applies => a !== undefined);
  if (!detector.when?.concepts) return conditions;
  return conditions.map(({ urgency: _ignored, ...rest }) => rest);
}

/** One rule for the linter and for principle selection, so the two cannot disagree. */
export function questionConditionsHold(
  conditions: QuestionConditions,
  scenario: Scenario,
  question: string,
  recognition: () => Recognition,
  locale?: string,
): boolean {
  if (!conditions.scenarioConditions.every((applies) => scenarioMatches(applies, scenario))) return false;
  if (conditions.locales && !(locale && conditions.locales.some((l) => locale === l || locale.startsWith(`${l}-`))))
    return false;
  if (conditions.whenConcepts) {
    const mentions = currentMentions(recognition(), conditions.whenConcepts);
    if (!mentions.some((m) => !conditions.whenEmergency || m.emergency)) return false;
  }
  if (conditions.unlessConcepts && currentMentions(recognition(), conditions.unlessConcepts).length > 0) return false;
  if (conditions.whenQuestion && !conditions.whenQuestion.test(question)) return false;
  if (conditions.unlessQuestion && conditions.unlessQuestion.test(question)) return false;
  return true;
}
