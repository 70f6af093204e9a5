import type { ConceptLexicon } from '../concepts/conceptLexicon';
import { selectPrinciples } from '../lint/selectPrinciples';
import { isMedicinePrinciple, mentionsMedicine } from '../principles/medicineTopic';
import type { Principle } from '../principles/principle';
import type { Scenario } from '../principles/scenarioLabels';

/** Why a group of principles applies, in the order selectPrinciples ranks them. */
export type ApplicableGroup = 'question' | 'scenario' | 'every case' | 'medicines';

export const APPLICABLE_GROUP_TITLES: Record<ApplicableGroup, string> = {
  question: 'Because of what the question says',
  scenario: 'Because of the scenario labels',
  'every case': 'For every case',
  medicines: 'About medicines (the question names none)',
};

export interface ApplicablePrinciple {
  principle: Principle;
  group: ApplicableGroup;
  /** "Applies because the question mentions “crushing chest pain”", "Applies to urgency: emergent". */
  why: string;
}

/**
 * The principles that apply to a case and why, most specific first: exactly selectPrinciples, the selection the
 * scenario status item counts and the Principles view ticks, so the list and the count cannot disagree.
 */
export function applicableList(
  principles: readonly Principle[],
  scenario: Scenario,
  question: string,
  lexicon?: ConceptLexicon,
): ApplicablePrinciple[] {
  const aboutMedicine = mentionsMedicine(question);
  return selectPrinciples(principles, scenario, question, lexicon).map(({ principle, triggered, reason }) => {
    const group: ApplicableGroup = triggered
      ? 'question'
      : !aboutMedicine && isMedicinePrinciple(principle)
        ? 'medicines'
        : principle.applies
          ? 'scenario'
          : 'every case';
    return { principle, group, why: whyText(reason) };
  });
}

function whyText(reason: string): string {
  // selectPrinciples words its reasons for a list of principles that apply ("the question mentions …",
  // "applies to …", "about medicines, …"): make each a sentence that says so.
  const sentence = reason.startsWith('the question')
    ? `applies because ${reason}`
    : reason.startsWith('about')
      ? `applies, though it is ${reason}`
      : reason;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
