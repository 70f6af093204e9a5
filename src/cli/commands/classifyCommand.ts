import { parseCase } from '../../core/case/parseCase';
import { loadLexicon, teamConceptDirFor } from '../../core/concepts/loadLexicon';
import type { Mention } from '../../core/concepts/recognise';
import { bundledPrinciplesDir } from '../../core/principles/bundledLibrary';
import { findTeamPrinciplesDir } from '../../core/principles/teamPrinciples';
import { classifyCase } from '../../core/scenario/classifyCase';
import { SCENARIO_DIMENSIONS } from '../../core/scenario/labels';
import { readTextFile } from '../readTextFile';

export function classifyCommand(file: string, options: { format: 'text' | 'json' }): number {
  const document = parseCase(readTextFile(file));
  for (const p of document.problems) process.stderr.write(`${file}:${p.line + 1}:${p.column + 1}: ${p.message}\n`);
  // Bundled concepts with the team's (`.clinalign/concepts` beside the nearest `.clinalign/principles`).
  const team = findTeamPrinciplesDir(process.cwd());
  const lexicon = loadLexicon(bundledPrinciplesDir(), team ? [teamConceptDirFor(team)] : []);
  for (const p of lexicon.problems) process.stderr.write(`${p.file}:${p.line + 1}:${p.column + 1}: ${p.message}\n`);
  const classification = classifyCase(document, lexicon);
  if (options.format === 'json') {
    const { concepts, ...rest } = classification;
    const mentions = concepts.map(({ startToken: _s, endToken: _e, ...mention }) => mention);
    process.stdout.write(`${JSON.stringify({ file, ...rest, concepts: mentions }, null, 2)}\n`);
  } else {
    for (const dimension of SCENARIO_DIMENSIONS) {
      const label = classification.scenario[dimension];
      const confidence = classification.confidence[dimension].toFixed(2);
      process.stdout.write(`${dimension.padEnd(12)} ${label.padEnd(24)} ${confidence}  ${classification.source[dimension]}: ${classification.evidence[dimension]}\n`);
    }
    const context = (m: Mention) => [m.negated && 'negated', m.hypothetical && 'hypothetical', m.historical && 'past', m.otherPerson && 'someone else'].filter(Boolean).join(', ');
    for (const mention of classification.concepts.filter((m) => m.kind === 'red-flag' || m.kind === 'population' || m.kind === 'medicine')) {
      const note = context(mention);
      process.stdout.write(`${'concept'.padEnd(12)} ${mention.concept.padEnd(24)} “${mention.text}”${note ? ` (${note})` : ''}\n`);
    }
    if (classification.language !== 'unknown' && classification.language !== 'en') process.stdout.write(`${'language'.padEnd(12)} ${classification.language}\n`);
  }
  return document.problems.length > 0 ? 2 : 0;
}
