import { join } from 'node:path';
import { compileLibrary, type CompiledLibrary } from '../../src/core/lint/compileLibrary';
import { loadPrinciples } from '../../src/core/principles/loadPrinciples';
import type { Scenario } from '../../src/core/scenario/labels';

export const FIXTURES = join(__dirname, '..', 'fixtures');

/** The five-principle sample library of test/fixtures/principles, compiled. */
export function sampleLibrary(): CompiledLibrary {
  const { principles, problems } = loadPrinciples(join(FIXTURES, 'principles'));
  if (problems.length > 0) throw new Error(`fixture library has problems: ${JSON.stringify(problems)}`);
  return compileLibrary(principles);
}

export function scenario(partial: Partial<Scenario> = {}): Scenario {
  return { urgency: 'unknown', uncertainty: 'unknown', expertise: 'unknown', task: 'unknown', ...partial };
}
