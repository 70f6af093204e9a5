// Inputs of about 1 MB in the shapes that stress a linter: one endless word, one endless sentence full of
// findings, thousands of paragraphs or list items, trigger words back to back, non-ASCII throughout.
// `node --import tsx bench/adversarialShapes.ts <shape>` lints one shape under three scenarios and prints
// the slowest time as JSON; lint.bench.ts runs each in its own process with a deadline.
import { performance } from 'node:perf_hooks';
import { compileLibrary } from '../src/core/lint/compileLibrary';
import { lintAnswer } from '../src/core/lint/lintAnswer';
import { bundledPrinciplesDir } from '../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../src/core/principles/loadPrinciples';

const SIZE = 1_000_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

export const SHAPES: Record<string, () => string> = {
  oneWord: () => fill('a'),
  spaces: () => fill(' '),
  triggerWords: () => fill('take '),
  ifYou: () => fill('if you '),
  oneSentenceOfFindings: () => fill('hypertension q.d. addict guaranteed cure 5.0 mg '),
  sentencesOfFindings: () => fill('Take 10 IU q.d. with food. '),
  paragraphs: () => fill('Call 911.\n\n'),
  listItems: () => fill('- item\n'),
  dots: () => fill('.'),
  numbers: () => fill('1.0 '),
  nonAscii: () => fill('İ😀é’ '),
  emailLike: () => fill('a@b.'),
};

const SCENARIOS = [
  { urgency: 'emergent', uncertainty: 'reducible', expertise: 'layperson', task: 'advice' },
  { urgency: 'unknown', uncertainty: 'unknown', expertise: 'unknown', task: 'unknown' },
  { urgency: 'non-emergent', uncertainty: 'irreducible', expertise: 'clinician', task: 'health-data' },
] as const;

if (require.main === module) {
  const shape = process.argv[2]!;
  const answer = SHAPES[shape]!();
  const library = compileLibrary(loadPrinciples(bundledPrinciplesDir()).principles);
  // Warm: the first lint of a process compiles regexes and the literal automaton, which is not the shape's cost.
  for (const scenario of SCENARIOS)
    lintAnswer(library, { answer: 'Take 10 IU q.d. if you can.', question: 'Aspirin?', scenario });
  let slowest = 0;
  for (const scenario of SCENARIOS) {
    library.paragraphs.clear();
    const start = performance.now();
    lintAnswer(library, { answer, question: 'My father has chest pain. Should I give him aspirin?', scenario });
    slowest = Math.max(slowest, performance.now() - start);
  }
  console.log(JSON.stringify({ shape, chars: answer.length, slowestMs: Math.round(slowest) }));
}
