// Accuracy of the offline scenario classifier on the HealthBench sample, against two references: the labels
// its physician tags imply (few), and the team's own labels of all 30 questions (test/fixtures/healthbench).
// Prints JSON: per dimension, how many records carry a label, how many the classifier answered, how many right.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHealthBenchJsonl, userTurns, type HealthBenchRecord } from '../src/core/dataset/healthbenchRecord';
import { classifyQuestion } from '../src/core/scenario/classifyQuestion';
import { scenarioFromHealthBenchTags } from '../src/core/scenario/healthbenchLabels';
import { SCENARIO_DIMENSIONS, type PartialScenario } from '../src/core/scenario/labels';

const records = parseHealthBenchJsonl(
  readFileSync(join(__dirname, '..', 'test', 'fixtures', 'healthbench', 'oss_eval_first30.jsonl'), 'utf8'),
);
const teamLabels = JSON.parse(
  readFileSync(join(__dirname, '..', 'test', 'fixtures', 'healthbench', 'team-scenario-labels.json'), 'utf8'),
).labels as Record<string, PartialScenario>;

function measure(goldOf: (record: HealthBenchRecord) => PartialScenario) {
  const report: Record<
    string,
    { labelled: number; answered: number; correct: number; accuracy: number; coverage: number; misses: string[] }
  > = {};
  for (const dimension of SCENARIO_DIMENSIONS)
    report[dimension] = { labelled: 0, answered: 0, correct: 0, accuracy: 0, coverage: 0, misses: [] };
  for (const record of records) {
    const gold = goldOf(record);
    const predicted = classifyQuestion(userTurns(record)).scenario;
    for (const dimension of SCENARIO_DIMENSIONS) {
      const expected = gold[dimension];
      if (!expected) continue;
      const row = report[dimension]!;
      row.labelled++;
      if (predicted[dimension] !== 'unknown') row.answered++;
      if (predicted[dimension] === expected) row.correct++;
      else row.misses.push(`${record.prompt_id.slice(0, 8)}: expected ${expected}, got ${predicted[dimension]}`);
    }
  }
  for (const row of Object.values(report)) {
    row.accuracy = +(row.correct / Math.max(row.labelled, 1)).toFixed(3);
    row.coverage = +(row.answered / Math.max(row.labelled, 1)).toFixed(3);
  }
  const total = Object.values(report).reduce(
    (t, r) => ({ labelled: t.labelled + r.labelled, correct: t.correct + r.correct }),
    { labelled: 0, correct: 0 },
  );
  return { overall: +(total.correct / total.labelled).toFixed(3), ...total, perDimension: report };
}

console.log(
  JSON.stringify(
    {
      records: records.length,
      physicianTags: measure((r) => scenarioFromHealthBenchTags(r.example_tags)),
      teamLabels: measure((r) => teamLabels[r.prompt_id] ?? {}),
    },
    null,
    2,
  ),
);
