import type { LoadProblem } from '../principles/loadProblem';
import type { Principle } from '../principles/principle';
import type { Detector } from '../principles/schema';
import type { ConceptLexicon } from './conceptLexicon';

function refsOf(detector: Detector): string[] {
  const refs = [
    ...(detector.when?.concepts ?? []),
    ...(detector.unless?.concepts ?? []),
    ...(detector.when?.answer?.concepts ?? []),
    ...(detector.unless?.answer?.concepts ?? []),
  ];
  if (detector.kind === 'require') refs.push(...(detector.expect.concepts ?? []));
  if (detector.kind === 'avoid') refs.push(...(detector.concepts ?? []), ...(detector.hypotheticalOkWith ?? []));
  return refs;
}

/** A principle naming a concept the lexicon lacks is reported at the principle; the rest keeps working. */
export function checkConceptReferences(principles: readonly Principle[], lexicon: ConceptLexicon): LoadProblem[] {
  const problems: LoadProblem[] = [];
  for (const principle of principles) {
    const unknown = new Set(
      (principle.detect ?? []).flatMap(refsOf).filter((ref) => lexicon.resolve(ref).length === 0),
    );
    for (const ref of unknown)
      problems.push({
        ...principle.location,
        message: `${principle.id}: unknown concept "${ref}" (not in the concept lexicon)`,
      });
  }
  return problems;
}
