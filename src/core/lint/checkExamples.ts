import type { ConceptLexicon } from '../concepts/conceptLexicon';
import { compileLibrary } from './compileLibrary';
import { lintAnswer } from './lintAnswer';
import { SCENARIO_DIMENSIONS, UNKNOWN_SCENARIO, type Scenario } from '../principles/scenarioLabels';
import type { Principle } from '../principles/principle';
import type { PrincipleExample } from '../principles/schema';

export interface ExampleFailure {
  principleId: string;
  exampleIndex: number;
  message: string;
}

/**
 * Each example is a test of its principle's own detectors: `violates: true` must be flagged,
 * `violates: false` must not. Principles without detectors have nothing to run.
 */
export function checkExamples(principle: Principle, lexicon?: ConceptLexicon): ExampleFailure[] {
  if (!principle.detect?.length) return [];
  const library = compileLibrary([{ ...principle, disabled: false }], lexicon);
  return principle.examples.flatMap((example, exampleIndex) => {
    const findings = lintAnswer(library, {
      answer: example.answer,
      question: example.question ?? '',
      scenario: exampleScenario(principle, example),
      locale: example.locale,
    });
    if (example.violates && findings.length === 0) {
      return [
        { principleId: principle.id, exampleIndex, message: 'violating example is not flagged by the detectors' },
      ];
    }
    if (!example.violates && findings.length > 0) {
      const found = findings.map((f) => f.message).join('; ');
      return [{ principleId: principle.id, exampleIndex, message: `passing example is flagged: ${found}` }];
    }
    return [];
  });
}

/** The example's own labels over the first label of each dimension the principle (or a detector) requires. */
export function exampleScenario(principle: Principle, example: PrincipleExample): Scenario {
  const scenario: Record<string, string> = { ...UNKNOWN_SCENARIO };
  const conditions = [principle.applies, ...(principle.detect ?? []).map((d) => d.when?.scenario)];
  for (const applies of conditions) {
    for (const dimension of SCENARIO_DIMENSIONS) {
      const first = applies?.[dimension]?.[0];
      if (first && scenario[dimension] === 'unknown') scenario[dimension] = first;
    }
  }
  return { ...(scenario as Scenario), ...example.scenario } as Scenario;
}
