import type { ConceptLexicon } from '../concepts/conceptLexicon';
import { bundledLexicon } from '../concepts/loadLexicon';
import type { Recognition } from '../concepts/recognise';
import type { Principle } from '../principles/principle';
import { selectPrinciples, type SelectedPrinciple } from '../lint/selectPrinciples';
import type { Axis } from '../principles/schema';
import type { Scenario } from '../scenario/labels';
import { contentItems } from './contentItems';
import { CriterionComparer, nearDuplicate } from './criterionSimilarity';
import { rubricTags, type RubricItem } from './rubricItem';
import { RUBRIC_LIMITS } from './rubricWarnings';

export { rubricWarnings } from './rubricWarnings';

export interface SynthesisInput {
  principles: readonly Principle[];
  scenario: Scenario;
  question: string;
  /** The concept lexicon the question is read with (the bundled one when omitted). */
  lexicon?: ConceptLexicon | undefined;
  /** The question read with `lexicon`, when the caller has it already (the proxy reads each question once). */
  recognition?: Recognition | undefined;
  /** selectPrinciples of the same principles, scenario, question and lexicon, when the caller has it already. */
  pool?: readonly SelectedPrinciple[] | undefined;
}

export interface SynthesizedRubric {
  /** Most important first: |points| descending, then the principle's rank in the pool. */
  items: RubricItem[];
  /** The ranked pool the items were drawn from. */
  pool: readonly SelectedPrinciple[];
  /** Constraints the library could not satisfy for this case (empty when all hold); no text is invented. */
  unmet: string[];
}

/** Items taken from the top of the pool before the constraints are checked (HealthBench averages ~12). */
const TARGET_ITEMS = 12;

/**
 * At most this many items per axis from principles the question did not trigger, so that one group of
 * scenario principles (say, eight plain-language rules for lay readers) cannot crowd out the rest.
 */
const MAX_UNTRIGGERED_PER_AXIS = 3;

interface Candidate {
  selected: SelectedPrinciple;
  rank: number;
}

/**
 * A rubric from the library's templates alone: the most relevant principles' criteria, topped up from
 * further down the pool until there are positive and negative items on at least three axes.
 */
export function synthesizeRubricOffline(input: SynthesisInput): SynthesizedRubric {
  const lexicon = input.lexicon ?? bundledLexicon();
  const recognition = input.recognition ?? lexicon.recognise(input.question);
  const content = contentItems(recognition, lexicon, input.question);
  const emergency = recognition.mentions.some((m) => m.emergency);
  const pool = input.pool ?? selectPrinciples(input.principles, input.scenario, input.question, lexicon);
  // The question's own items come first; principle items must not repeat them, and in an emergency none may
  // reward asking questions or branching before the referral.
  // The emergency items say what the triggered urgency principles' templates say, about this question's
  // own sign: they take those principles' tags and replace their items.
  const covered = emergency
    ? pool.filter((s) => s.triggered && s.principle.dimension === 'urgency' && Math.abs(s.principle.rubric.points) >= 8)
    : [];
  for (const item of content) {
    if (!item.tags.some((t) => t.startsWith('concept:redflag.'))) continue;
    const owner = covered.find((s) => Math.sign(s.principle.rubric.points) === Math.sign(item.points));
    if (owner) item.tags.push(`principle:${owner.principle.id}`);
  }
  const comparer = new CriterionComparer();
  const rest = distinctCandidates(pool).filter(
    (c) =>
      !covered.includes(c.selected) &&
      !content.some((item) => comparer.nearDuplicate(item.criterion, c.selected.principle.rubric.criterion)) &&
      !(emergency && c.selected.principle.dimension === 'uncertainty' && c.selected.principle.rubric.points > 0),
  );
  const chosen: Candidate[] = [];
  const perAxis = new Map<Axis, number>();
  const target = Math.max(RUBRIC_LIMITS.minItems - content.length, TARGET_ITEMS - content.length, 3);
  for (let i = 0; i < rest.length && chosen.length < target;) {
    const candidate = rest[i]!;
    const axis = axisOfCandidate(candidate);
    if (!candidate.selected.triggered) {
      if ((perAxis.get(axis) ?? 0) >= MAX_UNTRIGGERED_PER_AXIS) {
        i++;
        continue;
      }
      perAxis.set(axis, (perAxis.get(axis) ?? 0) + 1);
    }
    chosen.push(...rest.splice(i, 1));
  }

  const take = (fits: (c: Candidate) => boolean) => {
    const index = rest.findIndex(fits);
    if (index < 0) return;
    const [candidate] = rest.splice(index, 1);
    if (chosen.length >= RUBRIC_LIMITS.maxItems) {
      const spare = lastSpare(chosen);
      if (spare < 0) return;
      chosen.splice(spare, 1);
    }
    chosen.push(candidate!);
  };
  if (!chosen.some(isNegative)) take(isNegative);
  if (!chosen.some(isPositive)) take(isPositive);
  while (axesOf(chosen).size < RUBRIC_LIMITS.minAxes && rest.some((c) => !axesOf(chosen).has(axisOfCandidate(c)))) {
    const present = axesOf(chosen);
    take((c) => !present.has(axisOfCandidate(c)));
  }
  // Too few even so: the axis limit gives way before the minimum size does.
  while (chosen.length < RUBRIC_LIMITS.minItems && rest.length > 0) take(() => true);

  chosen.sort((a, b) => Math.abs(pointsOf(b)) - Math.abs(pointsOf(a)) || a.rank - b.rank);
  const principleItems = chosen.map(({ selected: { principle } }) => ({
    criterion: principle.rubric.criterion,
    points: principle.rubric.points,
    tags: rubricTags(principle.rubric.axis, principle.id),
  }));
  const items = [...content, ...principleItems].slice(0, RUBRIC_LIMITS.maxItems);
  items.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return { items, pool, unmet: content.length > 0 ? unmetItems(items) : unmetConstraints(chosen) };
}

function unmetItems(items: readonly RubricItem[]): string[] {
  const unmet: string[] = [];
  if (items.length < RUBRIC_LIMITS.minItems)
    unmet.push(`only ${items.length} items; a rubric needs at least ${RUBRIC_LIMITS.minItems}`);
  if (!items.some((i) => i.points < 0))
    unmet.push('no applicable principle has a negative (harmful-behaviour) template');
  if (!items.some((i) => i.points > 0)) unmet.push('no applicable principle has a positive template');
  const axes = new Set(items.map((i) => i.tags.find((t) => t.startsWith('axis:'))));
  if (axes.size < RUBRIC_LIMITS.minAxes)
    unmet.push(`the items cover only ${axes.size} axes; a rubric needs at least ${RUBRIC_LIMITS.minAxes}`);
  return unmet;
}

/** The pool in rank order, without criteria that repeat a higher-ranked one in other words. */
function distinctCandidates(pool: readonly SelectedPrinciple[]): Candidate[] {
  const kept: Candidate[] = [];
  pool.forEach((selected, rank) => {
    if (!kept.some((k) => sameTemplate(k.selected.principle, selected.principle))) kept.push({ selected, rank });
  });
  return kept;
}

/**
 * nearDuplicate of two principles' templates, remembered per pair: it depends on the library alone, and every
 * question compares much the same pool again (the proxy synthesises a rubric per request).
 */
const templatePairs = new WeakMap<Principle, WeakMap<Principle, boolean>>();
function sameTemplate(earlier: Principle, later: Principle): boolean {
  let known = templatePairs.get(earlier);
  if (!known) templatePairs.set(earlier, (known = new WeakMap()));
  let same = known.get(later);
  if (same === undefined) known.set(later, (same = nearDuplicate(earlier.rubric.criterion, later.rubric.criterion)));
  return same;
}

/** The lowest-ranked chosen item whose removal keeps a negative, a positive and every axis present. */
function lastSpare(chosen: Candidate[]): number {
  for (let i = chosen.length - 1; i >= 0; i--) {
    const others = chosen.filter((_, j) => j !== i);
    const candidate = chosen[i]!;
    if (isNegative(candidate) && !others.some(isNegative)) continue;
    if (isPositive(candidate) && !others.some(isPositive)) continue;
    if (!axesOf(others).has(axisOfCandidate(candidate))) continue;
    return i;
  }
  return -1;
}

function unmetConstraints(chosen: Candidate[]): string[] {
  const unmet: string[] = [];
  if (chosen.length < RUBRIC_LIMITS.minItems) {
    unmet.push(
      `only ${chosen.length} applicable principle${chosen.length === 1 ? '' : 's'}; a rubric needs at least ${RUBRIC_LIMITS.minItems} items`,
    );
  }
  if (!chosen.some(isNegative)) unmet.push('no applicable principle has a negative (harmful-behaviour) template');
  if (!chosen.some(isPositive)) unmet.push('no applicable principle has a positive template');
  const axes = axesOf(chosen);
  if (axes.size < RUBRIC_LIMITS.minAxes) {
    unmet.push(
      `applicable principles cover only ${axes.size} ax${axes.size === 1 ? 'is' : 'es'} (${[...axes].join(', ') || 'none'}); a rubric needs at least ${RUBRIC_LIMITS.minAxes}`,
    );
  }
  return unmet;
}

const pointsOf = (c: Candidate) => c.selected.principle.rubric.points;
const isNegative = (c: Candidate) => pointsOf(c) < 0;
const isPositive = (c: Candidate) => pointsOf(c) > 0;
const axisOfCandidate = (c: Candidate): Axis => c.selected.principle.rubric.axis;
const axesOf = (candidates: Candidate[]) => new Set(candidates.map(axisOfCandidate));
