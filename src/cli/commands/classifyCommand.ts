import { resolve } from 'node:path';
import type { Mention } from '../../core/concepts/recognise';
import { SCENARIO_DIMENSIONS } from '../../core/scenario/labels';
import { openCase } from '../../core/workflows/case';
import { compileLibrary } from '../../core/lint/compileLibrary';
import { formatProblem, loadCliLibrary } from '../loadCliLibrary';
import { readTextFile } from '../readTextFile';
import { plural } from '../format/plural';

/**
 * `clinalign classify`: a case's scenario with the evidence for each label, the concepts its question mentions,
 * and the principles that apply with why — the Case the editor's status item, explorer and panel show.
 */
export function classifyCommand(file: string, options: { format: 'text' | 'json' }): number {
  // Bundled principles and concepts with the team's (the nearest `.clinalign/principles` and `concepts`).
  const library = loadCliLibrary({ principles: [] });
  for (const p of library.problems) process.stderr.write(`${formatProblem(p)}\n`);
  const c = openCase(compileLibrary(library.principles, library.lexicon, library.patternPlans), {
    text: readTextFile(file),
    file: resolve(file),
    workFolder: process.cwd(),
  });
  for (const p of c.document.problems) process.stderr.write(`${file}:${p.line + 1}:${p.column + 1}: ${p.message}\n`);
  const classification = c.classification;
  const applicable = c.applicable.map((s) => ({ principle: s.principle.id, reason: s.reason }));
  if (options.format === 'json') {
    const { concepts, ...rest } = classification;
    const mentions = concepts.map(({ startToken: _s, endToken: _e, ...mention }) => mention);
    process.stdout.write(`${JSON.stringify({ file, ...rest, concepts: mentions, applicable }, null, 2)}\n`);
  } else {
    for (const dimension of SCENARIO_DIMENSIONS) {
      const label = classification.scenario[dimension];
      const confidence = classification.confidence[dimension].toFixed(2);
      process.stdout.write(
        `${dimension.padEnd(12)} ${label.padEnd(24)} ${confidence}  ${classification.source[dimension]}: ${classification.evidence[dimension]}\n`,
      );
    }
    const context = (m: Mention) =>
      [
        m.negated && 'negated',
        m.hypothetical && 'hypothetical',
        m.historical && 'past',
        m.otherPerson && 'someone else',
      ]
        .filter(Boolean)
        .join(', ');
    for (const mention of classification.concepts.filter(
      (m) => m.kind === 'red-flag' || m.kind === 'population' || m.kind === 'medicine',
    )) {
      const note = context(mention);
      process.stdout.write(
        `${'concept'.padEnd(12)} ${mention.concept.padEnd(24)} “${mention.text}”${note ? ` (${note})` : ''}\n`,
      );
    }
    if (classification.language !== 'unknown' && classification.language !== 'en')
      process.stdout.write(`${'language'.padEnd(12)} ${classification.language}\n`);
    process.stdout.write(
      `${'applicable'.padEnd(12)} ${plural(applicable.length, 'principle')} (--format json lists them with why)\n`,
    );
  }
  return c.document.problems.length > 0 ? 2 : 0;
}
