// Offline rubrics against the physician-written rubrics of the HealthBench sample (test/fixtures/healthbench):
// the share of physician points with a counterpart in the synthesized rubric (src/core/evaluation/rubricCoverage.ts
// says how a counterpart is judged), and whether every question classified emergent carries the emergency item.
// Prints JSON. HealthBench rubrics are evaluation data: nothing here feeds the principles or the templates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHealthBenchJsonl, userTurns } from '../src/core/dataset/healthbenchRecord';
import { coverage, COVERAGE_OVERLAP } from '../src/core/evaluation/rubricCoverage';
import { bundledPrinciplesDir } from '../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../src/core/principles/loadPrinciples';
import { synthesizeRubricOffline } from '../src/core/rubric/synthesizeOffline';
import { classifyQuestion } from '../src/core/scenario/classifyQuestion';

const library = loadPrinciples(bundledPrinciplesDir(__dirname));
const records = parseHealthBenchJsonl(
  readFileSync(join(__dirname, '..', 'test', 'fixtures', 'healthbench', 'oss_eval_first30.jsonl'), 'utf8'),
);
let covered = 0;
let total = 0;
let emergencies = 0;
let withItem = 0;
const perQuestion: { id: string; covered: number; total: number; items: number }[] = [];
for (const record of records) {
  const question = userTurns(record);
  const classification = classifyQuestion(question, library.lexicon);
  const rubric = synthesizeRubricOffline({
    principles: library.principles,
    scenario: classification.scenario,
    question,
    lexicon: library.lexicon,
  });
  const result = coverage(record.rubrics, rubric.items);
  covered += result.coveredPoints;
  total += result.totalPoints;
  perQuestion.push({
    id: record.prompt_id.slice(0, 8),
    covered: result.coveredPoints,
    total: result.totalPoints,
    items: rubric.items.length,
  });
  if (classification.scenario.urgency === 'emergent') {
    emergencies++;
    if (rubric.items.some((i) => i.points >= 8 && /emergency/.test(i.criterion))) withItem++;
  }
}
console.log(
  JSON.stringify(
    {
      overlap: COVERAGE_OVERLAP,
      physicianPointsCovered: `${covered}/${total}`,
      rate: Math.round((covered / total) * 1000) / 1000,
      emergentQuestions: emergencies,
      withEmergencyItem: withItem,
      perQuestion,
    },
    null,
    2,
  ),
);
