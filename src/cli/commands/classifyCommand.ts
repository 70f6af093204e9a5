import { parseCase } from '../../core/case/parseCase';
import { applyOverrides, classifyQuestion } from '../../core/scenario/classifyQuestion';
import { SCENARIO_DIMENSIONS } from '../../core/scenario/labels';
import { readTextFile } from '../readTextFile';

export function classifyCommand(file: string, options: { format: 'text' | 'json' }): number {
  const document = parseCase(readTextFile(file));
  for (const p of document.problems) process.stderr.write(`${file}:${p.line + 1}:${p.column + 1}: ${p.message}\n`);
  const classification = applyOverrides(classifyQuestion(document.question), {
    audience: document.data.audience,
    scenario: document.data.scenario,
  });
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ file, ...classification }, null, 2)}\n`);
  } else {
    for (const dimension of SCENARIO_DIMENSIONS) {
      const label = classification.scenario[dimension];
      const confidence = classification.confidence[dimension].toFixed(2);
      process.stdout.write(`${dimension.padEnd(12)} ${label.padEnd(24)} ${confidence}  ${classification.source[dimension]}: ${classification.evidence[dimension]}\n`);
    }
  }
  return document.problems.length > 0 ? 2 : 0;
}
