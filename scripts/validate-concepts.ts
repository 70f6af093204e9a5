// Checks the concept lexicon: located load problems, then every concept's examples. Exit 1 on any problem.
import { relative } from 'node:path';
import { checkConceptExamples } from '../src/core/concepts/checkConceptExamples';
import { loadLexicon } from '../src/core/concepts/loadLexicon';
import { bundledPrinciplesDir } from '../src/core/principles/bundledLibrary';

const lexicon = loadLexicon(bundledPrinciplesDir(__dirname), process.argv.slice(2));
for (const problem of lexicon.problems) {
  console.log(`${relative(process.cwd(), problem.file)}:${problem.line + 1}:${problem.column + 1}: ${problem.message}`);
}
const failures = checkConceptExamples(lexicon);
for (const failure of failures) {
  console.log(`example of ${failure.concept} (matches: ${failure.expected}): “${failure.text}” — ${failure.message}`);
}
const counts = new Map<string, number>();
for (const concept of lexicon.concepts) counts.set(concept.kind, (counts.get(concept.kind) ?? 0) + 1);
console.log(
  `${lexicon.concepts.length} concepts (${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}); ${lexicon.problems.length} problems, ${failures.length} failing examples`,
);
process.exit(lexicon.problems.length + failures.length > 0 ? 1 : 0);
