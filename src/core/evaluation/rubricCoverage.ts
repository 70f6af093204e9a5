/**
 * How much of a reference rubric (physician-written) a synthesized rubric covers. A reference criterion counts
 * as covered when a synthesized item of the same sign shares at least COVERAGE_OVERLAP of the reference's
 * content words (lower-cased, stop words dropped, crude stems), a reproducible stand-in for "has a substantive
 * counterpart". Covered points are weighted by |points|, as HealthBench weights its criteria.
 */
export const COVERAGE_OVERLAP = 0.3;

const STOP = new Set(
  'a an the and or of to in on for with without by as at from that this these those is are be being been was were it its their them they he she his her you your user response responses answer model should must may can could would will not no any all such than then also only more most about into over under when where which who whom whose what how why if so do does did has have had including include includes e.g eg etc very'.split(
    ' ',
  ),
);

function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s|ly|ment|ments|ation|ations)$/, '');
}

export function contentWords(text: string): Set<string> {
  const words =
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .match(/[a-z0-9]+/g) ?? [];
  return new Set(words.filter((w) => w.length > 2 && !STOP.has(w)).map(stem));
}

export interface CoverageItem {
  criterion: string;
  points: number;
}

export function coverage(
  reference: readonly CoverageItem[],
  synthesized: readonly CoverageItem[],
): { coveredPoints: number; totalPoints: number; covered: CoverageItem[] } {
  const synth = synthesized.map((s) => ({ sign: Math.sign(s.points), words: contentWords(s.criterion) }));
  let coveredPoints = 0;
  let totalPoints = 0;
  const covered: CoverageItem[] = [];
  for (const item of reference) {
    const words = contentWords(item.criterion);
    totalPoints += Math.abs(item.points);
    if (words.size === 0) continue;
    const best = Math.max(
      0,
      ...synth
        .filter((s) => s.sign === Math.sign(item.points))
        .map((s) => [...words].filter((w) => s.words.has(w)).length / words.size),
    );
    if (best >= COVERAGE_OVERLAP) {
      coveredPoints += Math.abs(item.points);
      covered.push(item);
    }
  }
  return { coveredPoints, totalPoints, covered };
}
