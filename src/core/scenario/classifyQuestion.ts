import type { ConceptLexicon } from '../concepts/conceptLexicon';
import { bundledLexicon } from '../concepts/loadLexicon';
import { isOutOfPresentAt, type Mention, type Recognition } from '../concepts/recognise';
import type { DetectedLanguage } from '../concepts/detectLanguage';
import { SCENARIO_DIMENSIONS, type PartialScenario, type Scenario, type ScenarioDimension } from './labels';
import {
  ADVICE_SIGNALS,
  CLINICIAN_SIGNALS,
  CONDITIONALLY_EMERGENT,
  CONTEXT_GIVEN,
  HEALTH_DATA_TASK,
  INFORMATION_SIGNALS,
  IRREDUCIBLE_SIGNALS,
  LAYPERSON_SIGNALS,
  PERSONAL_WORDING,
  SYMPTOM_OR_CONDITION,
  TREATMENT_CHOICE,
} from './scenarioLexicon';

export type LabelSource = 'offline' | 'audience' | 'reviewer' | 'model';

export interface Classification {
  scenario: Scenario;
  /** 0…1 per dimension; 0 for `unknown`. */
  confidence: Record<ScenarioDimension, number>;
  source: Record<ScenarioDimension, LabelSource>;
  /** Why: the signals that decided each label, for hovers and the CLI. */
  evidence: Record<ScenarioDimension, string>;
  /** Every concept mention in the question, with its span and context (the same ones principles trigger on). */
  concepts: Mention[];
  /** The current red flags that set the urgency label (empty when none). */
  redFlags: Mention[];
  language: DetectedLanguage;
}

interface Vote<L> {
  label: L | 'unknown';
  confidence: number;
  evidence: string;
}

const UNKNOWN: Vote<never> = { label: 'unknown', confidence: 0, evidence: 'no signal in the question' };

/**
 * Offline rules over the user's turns: urgency from the concept recogniser's current red flags, the other
 * dimensions from wording. Says `unknown` rather than guessing when no rule fires.
 */
export function classifyQuestion(
  question: string,
  lexicon: ConceptLexicon = bundledLexicon(),
  recognition: Recognition = lexicon.recognise(question),
): Classification {
  const text = question.replace(/[’‘]/g, "'");
  const words = text.split(/\s+/).filter(Boolean).length;
  const task = classifyTask(text);
  const urgency = classifyUrgency(text, words, recognition, lexicon);
  const votes = {
    urgency,
    uncertainty: classifyUncertainty(text, words, task.label),
    expertise: classifyExpertise(text),
    task,
  };
  const result: Classification = {
    scenario: {} as Scenario,
    confidence: {} as Classification['confidence'],
    source: {} as Classification['source'],
    evidence: {} as Classification['evidence'],
    concepts: recognition.mentions,
    redFlags: urgency.redFlags,
    language: recognition.language,
  };
  for (const dimension of SCENARIO_DIMENSIONS) {
    const vote = votes[dimension];
    (result.scenario as Record<string, string>)[dimension] = vote.label;
    result.confidence[dimension] = vote.confidence;
    result.source[dimension] = 'offline';
    result.evidence[dimension] = vote.evidence;
  }
  return result;
}

/** A case's `audience:` fixes expertise; a reviewer's `scenario:` fixes whatever it names. */
export function applyOverrides(
  classification: Classification,
  overrides: { audience?: 'layperson' | 'clinician' | undefined; scenario?: PartialScenario | undefined },
): Classification {
  const result: Classification = {
    scenario: { ...classification.scenario },
    confidence: { ...classification.confidence },
    source: { ...classification.source },
    evidence: { ...classification.evidence },
    concepts: classification.concepts,
    redFlags: classification.redFlags,
    language: classification.language,
  };
  if (overrides.audience) {
    result.scenario.expertise = overrides.audience;
    result.confidence.expertise = 1;
    result.source.expertise = 'audience';
    result.evidence.expertise = `audience: ${overrides.audience}`;
  }
  for (const dimension of SCENARIO_DIMENSIONS) {
    const label = overrides.scenario?.[dimension];
    if (label === undefined) continue;
    (result.scenario as Record<string, string>)[dimension] = label;
    result.confidence[dimension] = label === 'unknown' ? 0 : 1;
    result.source[dimension] = 'reviewer';
    result.evidence[dimension] = `scenario.${dimension} set by a reviewer`;
  }
  return result;
}

function firstMatch(pattern: RegExp, text: string): string | undefined {
  return pattern.exec(text)?.[0];
}

const URGENCY_RANK = { 'non-emergent': 0, 'conditionally-emergent': 1, emergent: 2 } as const;

/** Evidence as the writer wrote it: “tight, heavy pain … chest” + “jaw” + “sweaty”. */
export function quoteMentions(mentions: readonly Mention[]): string {
  return mentions.map((m) => `“${m.text}”`).join(' + ');
}

/**
 * Safety first: any current red flag makes the question at least conditionally emergent; a red flag that is
 * an emergency on its own, or comes with the features that make it one, makes it emergent. Negated,
 * hypothetical and past mentions do not count; someone else's emergency does.
 */
function classifyUrgency(
  text: string,
  words: number,
  recognition: Recognition,
  lexicon: ConceptLexicon,
): Vote<Scenario['urgency']> & { redFlags: Mention[] } {
  // Writing about an emergency is not an emergency: documentation tasks come first.
  if (HEALTH_DATA_TASK.test(text))
    return { label: 'non-emergent', confidence: 0.6, evidence: 'a documentation task', redFlags: [] };
  const current = recognition.mentions.filter((m) => m.current);
  const redFlags = current.filter((m) => m.kind === 'red-flag');
  let best: { level: 'emergent' | 'conditionally-emergent'; flag: Mention; features: Mention[] } | undefined;
  for (const flag of redFlags) {
    const concept = lexicon.get(flag.concept)!;
    // Features inside the flag's own words ("crushing" in "crushing chest pain") add nothing to the evidence.
    const features = current.filter(
      (m) => concept.emergentWith.includes(m.concept) && (m.end <= flag.start || m.start >= flag.end),
    );
    const level =
      concept.urgency === 'emergent' || current.some((m) => concept.emergentWith.includes(m.concept))
        ? 'emergent'
        : 'conditionally-emergent';
    if (!best || URGENCY_RANK[level] > URGENCY_RANK[best.level]) best = { level, flag, features };
  }
  if (best) {
    const evidence = `${lexicon.get(best.flag.concept)!.label}: ${quoteMentions([best.flag, ...best.features])}`;
    return { label: best.level, confidence: best.level === 'emergent' ? 0.85 : 0.65, evidence, redFlags };
  }
  const conditional = CONDITIONALLY_EMERGENT.exec(text);
  if (conditional && !isOutOfPresentAt(recognition, conditional.index)) {
    return {
      label: 'conditionally-emergent',
      confidence: 0.55,
      evidence: `symptom that can be urgent: “${conditional[0]}”`,
      redFlags,
    };
  }
  if (words >= 4)
    return { label: 'non-emergent', confidence: 0.6, evidence: 'no red-flag or urgent symptom mentioned', redFlags };
  return { ...UNKNOWN, redFlags };
}

function classifyUncertainty(text: string, words: number, task: Scenario['task']): Vote<Scenario['uncertainty']> {
  const irreducible = firstMatch(IRREDUCIBLE_SIGNALS, text);
  if (irreducible)
    return { label: 'irreducible', confidence: 0.55, evidence: `asks for a prediction or certainty: “${irreducible}”` };
  const context = new Set((text.match(CONTEXT_GIVEN) ?? []).map((s) => s.toLowerCase()));
  const choice = firstMatch(TREATMENT_CHOICE, text);
  if (choice && context.size < 2) {
    return {
      label: 'reducible',
      confidence: 0.6,
      evidence: `asks which treatment (“${choice}”) without the details that decide it`,
    };
  }
  const symptom = firstMatch(SYMPTOM_OR_CONDITION, text);
  if (symptom && words < 25 && context.size === 0) {
    return {
      label: 'reducible',
      confidence: 0.6,
      evidence: `short question about “${symptom}” without age, duration or history`,
    };
  }
  if (words > 0 && words < 6) return { label: 'reducible', confidence: 0.5, evidence: 'very short question' };
  if (task === 'health-data')
    return { label: 'none', confidence: 0.5, evidence: 'a documentation task on the text given' };
  if (context.size >= 2)
    return {
      label: 'none',
      confidence: 0.5,
      evidence: `the question gives the context that matters: ${[...context].join(', ')}`,
    };
  if (INFORMATION_SIGNALS.test(text) && !symptom)
    return { label: 'none', confidence: 0.5, evidence: 'general information question' };
  return UNKNOWN;
}

/** A question's opening or its question mark (in the languages the recogniser reads). */
const PLAIN_QUESTION =
  /^\s*(?:what|how|why|when|where|who|which|is|are|can|could|should|does|do|will|qu[eé]|c[oó]mo|por qu[eé]|cu[aá]l|o que|como|pourquoi|comment|est-ce)\b|\?\s*$/i;

function classifyExpertise(text: string): Vote<Scenario['expertise']> {
  const clinician = firstMatch(CLINICIAN_SIGNALS, text);
  if (clinician) return { label: 'clinician', confidence: 0.8, evidence: `clinical wording: “${clinician}”` };
  const lay = firstMatch(LAYPERSON_SIGNALS, text);
  if (lay) return { label: 'layperson', confidence: 0.7, evidence: `personal wording: “${lay}”` };
  // A plain question in the first or second person without clinical register is a member of the public's.
  const personal = firstMatch(PERSONAL_WORDING, text);
  if (personal)
    return { label: 'layperson', confidence: 0.5, evidence: `plain wording without clinical register: “${personal}”` };
  // Most health questions come from the public ("What is lupus?", "Is it inherited?"): a plain question
  // with no clinical register is read as a lay reader's, so plain-language principles apply.
  const plain = firstMatch(PLAIN_QUESTION, text);
  if (plain)
    return {
      label: 'layperson',
      confidence: 0.4,
      evidence: `a plain question without clinical register: “${plain.trim()}”`,
    };
  return UNKNOWN;
}

function classifyTask(text: string): Vote<Scenario['task']> {
  const data = firstMatch(HEALTH_DATA_TASK, text);
  if (data) return { label: 'health-data', confidence: 0.8, evidence: `documentation task: “${data}”` };
  const advice = firstMatch(ADVICE_SIGNALS, text);
  if (advice) return { label: 'advice', confidence: 0.7, evidence: `asks what to do: “${advice}”` };
  const information = firstMatch(INFORMATION_SIGNALS, text);
  if (information)
    return { label: 'information', confidence: 0.65, evidence: `asks for information: “${information}”` };
  return UNKNOWN;
}
