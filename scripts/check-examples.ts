// Runs every principle's examples against the bundled library and concepts; prints failures (exit 1 on any).
import { checkExamples } from '../src/core/lint/checkExamples';
import { bundledPrinciplesDir } from '../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../src/core/principles/loadPrinciples';

const library = loadPrinciples(bundledPrinciplesDir(__dirname));
for (const problem of library.problems) console.log(`${problem.file}:${problem.line + 1}: ${problem.message}`);
let failures = 0;
for (const principle of library.principles) {
  for (const failure of checkExamples(principle)) {
    failures++;
    console.log(`${principle.id} example ${failure.exampleIndex}: ${failure.message}`);
  }
}
console.log(
  `${library.principles.length} principles; ${library.problems.length} problems; ${failures} failing examples`,
);
process.exit(library.problems.length + failures > 0 ? 1 : 0);
