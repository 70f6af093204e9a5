import type { ConceptLexicon } from './conceptLexicon';

export interface ConceptExampleFailure {
  concept: string;
  text: string;
  expected: boolean;
  message: string;
}

/** Runs every concept's examples: `matches: true` needs a current mention of the concept, `false` none. */
export function checkConceptExamples(lexicon: ConceptLexicon): ConceptExampleFailure[] {
  const failures: ConceptExampleFailure[] = [];
  for (const concept of lexicon.concepts) {
    for (const example of concept.source.examples ?? []) {
      const found = lexicon.recognise(example.text).mentions.filter((m) => m.concept === concept.id);
      const current = found.some((m) => m.current);
      if (current === example.matches) continue;
      const why = example.matches
        ? found.length > 0
          ? `found only as ${describe(found[0]!)}`
          : 'not found'
        : `found “${found.find((m) => m.current)!.text}”`;
      failures.push({ concept: concept.id, text: example.text, expected: example.matches, message: why });
    }
  }
  return failures;
}

function describe(m: { negated: boolean; hypothetical: boolean; historical: boolean; text: string }): string {
  const kinds = [m.negated && 'negated', m.hypothetical && 'hypothetical', m.historical && 'historical']
    .filter(Boolean)
    .join(', ');
  return `“${m.text}” (${kinds})`;
}
