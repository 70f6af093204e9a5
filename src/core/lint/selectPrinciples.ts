import type { ConceptLexicon } from '../concepts/conceptLexicon';
import { bundledLexicon } from '../concepts/loadLexicon';
import { currentMentions, type Recognition } from '../concepts/recognise';
import { compileMatcher } from './compileMatcher';
import { questionConditionsHold, scenarioConditionsOf } from './questionConditions';
import { scenarioMatches, type Scenario } from '../principles/scenarioLabels';
import { isMedicinePrinciple, mentionsMedicine } from '../principles/medicineTopic';
import type { Principle } from '../principles/principle';
import type { Matcher, Severity } from '../principles/schema';

/** A principle chosen for a case, with why it was chosen. */
export interface SelectedPrinciple {
  principle: Principle;
  /** True when one of its detectors is triggered by this question: the principle is specific to it. */
  triggered: boolean;
  /** Short reason, for the CLI and the review panel. */
  reason: string;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * How specific a principle is to the case: question-triggered, then scenario-bound, then universal, and last
 * the medicine principles when the question involves no medicine.
 */
const Tier = { Triggered: 0, Scenario: 1, Universal: 2, OffTopic: 3 } as const;
type Tier = (typeof Tier)[keyof typeof Tier];

/**
 * The principles that bear on a case, most relevant first: enabled, `applies` matching the scenario, and
 * not dropped by their own question triggers (a principle whose every detector waits for a question it
 * never sees, such as testicular torsion for a chest-pain question, is about something else).
 */
export function selectPrinciples(
  principles: readonly Principle[],
  scenario: Scenario,
  question: string,
  lexicon: ConceptLexicon = bundledLexicon(),
): SelectedPrinciple[] {
  const ranked: { selected: SelectedPrinciple; tier: Tier }[] = [];
  const aboutMedicine = mentionsMedicine(question);
  let recognition: Recognition | undefined;
  const recognise = () => (recognition ??= lexicon.recognise(question));
  for (const principle of principles) {
    if (principle.disabled) continue;
    const triggers = questionTriggers(principle, scenario, question, recognise);
    // A principle triggered by a concept in the question applies whatever the urgency label says.
    if (!triggers.fired && !scenarioMatches(principle.applies, scenario)) continue;
    if (triggers.fired) {
      ranked.push({ tier: Tier.Triggered, selected: { principle, triggered: true, reason: triggers.reason } });
    } else if (triggers.total > 0 && triggers.total === (principle.detect ?? []).length) {
      continue;
    } else if (!aboutMedicine && isMedicinePrinciple(principle)) {
      ranked.push({
        tier: Tier.OffTopic,
        selected: { principle, triggered: false, reason: 'about medicines, which the question does not mention' },
      });
    } else if (principle.applies) {
      ranked.push({
        tier: Tier.Scenario,
        selected: { principle, triggered: false, reason: `applies to ${appliesText(principle, scenario)}` },
      });
    } else {
      ranked.push({ tier: Tier.Universal, selected: { principle, triggered: false, reason: 'applies to every case' } });
    }
  }
  ranked.sort(
    (a, b) =>
      a.tier - b.tier ||
      SEVERITY_RANK[a.selected.principle.severity] - SEVERITY_RANK[b.selected.principle.severity] ||
      Math.abs(b.selected.principle.rubric.points) - Math.abs(a.selected.principle.rubric.points) ||
      compareText(a.selected.principle.id, b.selected.principle.id),
  );
  return ranked.map((r) => r.selected);
}

/**
 * How many detectors wait for a question trigger (text or concepts), and whether any of them runs on this
 * question — by the same rule the linter uses (questionConditionsHold), so the two cannot disagree.
 */
function questionTriggers(
  principle: Principle,
  scenario: Scenario,
  question: string,
  recognise: () => Recognition,
): { total: number; fired: boolean; reason: string } {
  let total = 0;
  for (const detector of principle.detect ?? []) {
    if (!detector.when?.question && !detector.when?.concepts) continue;
    total++;
    const conditions = {
      scenarioConditions: scenarioConditionsOf(principle, detector),
      whenConcepts: detector.when.concepts,
      whenEmergency: detector.when.emergency,
      locales: detector.when.locales,
      unlessConcepts: detector.unless?.concepts,
      whenQuestion: detector.when.question && { test: (text: string) => matches(detector.when!.question!, text) },
      unlessQuestion: detector.unless?.question && {
        test: (text: string) => matches(detector.unless!.question!, text),
      },
    };
    if (!questionConditionsHold(conditions, scenario, question, recognise)) continue;
    const mentions = detector.when.concepts ? currentMentions(recognise(), detector.when.concepts) : [];
    const reason =
      mentions.length > 0
        ? `the question mentions ${mentions.map((m) => `“${m.text}”`).join(' + ')}`
        : 'the question matches its trigger';
    return { total, fired: true, reason };
  }
  return { total, fired: false, reason: '' };
}

// Compiled once per matcher object: the same library is asked about many questions.
const compiled = new WeakMap<Matcher, ReturnType<typeof compileMatcher>>();
function matches(matcher: Matcher, text: string): boolean {
  let regex = compiled.get(matcher);
  if (!regex) compiled.set(matcher, (regex = compileMatcher(matcher)));
  return regex.test(text);
}

function appliesText(principle: Principle, scenario: Scenario): string {
  const dimensions = Object.keys(principle.applies ?? {}) as (keyof Scenario)[];
  return dimensions.map((d) => `${d}: ${scenario[d]}`).join(', ');
}

/** Locale-independent ordering, so the ranking never depends on the machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
