// Runs the bundled library over the physician-written ideal completions of the HealthBench sample and
// reports every finding: the false-positive figure for the README. `--json` prints the summary only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHealthBenchJsonl, userTurns } from '../src/core/dataset/healthbenchRecord';
import { compileLibrary } from '../src/core/lint/compileLibrary';
import { lintAnswer } from '../src/core/lint/lintAnswer';
import { bundledPrinciplesDir } from '../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../src/core/principles/loadPrinciples';
import { classifyQuestion } from '../src/core/scenario/classifyQuestion';

const records = parseHealthBenchJsonl(
  readFileSync(join(__dirname, '..', 'test', 'fixtures', 'healthbench', 'oss_eval_first30.jsonl'), 'utf8'),
);
const { principles, problems } = loadPrinciples(bundledPrinciplesDir());
for (const p of problems) console.error(`${p.file}:${p.line + 1}:${p.column + 1}: ${p.message}`);
const library = compileLibrary(principles);
const counts = { error: 0, warning: 0, info: 0, hint: 0 };
const byPrinciple: Record<string, number> = {};
let answers = 0;
for (const record of records) {
  const answer = record.ideal_completions_data?.ideal_completion;
  if (!answer) continue;
  answers++;
  const question = userTurns(record);
  const { scenario } = classifyQuestion(question);
  for (const finding of lintAnswer(library, { answer, question, scenario })) {
    counts[finding.severity]++;
    byPrinciple[finding.principleId] = (byPrinciple[finding.principleId] ?? 0) + 1;
    if (!process.argv.includes('--json')) {
      console.log(
        `${record.prompt_id.slice(0, 8)} ${finding.severity.padEnd(7)} ${finding.principleId}: ${JSON.stringify(answer.slice(finding.start, finding.end).slice(0, 80))}`,
      );
    }
  }
}
console.log(
  JSON.stringify(
    {
      principles: principles.length,
      answers,
      findings: counts,
      warningsPerAnswer: +(counts.warning / Math.max(answers, 1)).toFixed(3),
      byPrinciple,
    },
    null,
    2,
  ),
);
