import { scenarioMatches, SCENARIO_DIMENSIONS, type Scenario } from '../scenario/labels';
import type { CompiledLibrary } from './compileLibrary';

/**
 * Which detectors may run for this scenario and question (1 = may run). Both change far less often than
 * the answer being typed, so the result is memoised and each keystroke pays only for a map lookup.
 */
export function activeDetectors(library: CompiledLibrary, scenario: Scenario, question: string): Uint8Array {
  const key = SCENARIO_DIMENSIONS.map((d) => scenario[d]).join('|') + '\u0000' + question;
  const cached = library.activeCache.get(key);
  if (cached) return cached;
  const active = new Uint8Array(library.detectors.length);
  for (const detector of library.detectors) {
    const runs =
      detector.scenarioConditions.every((applies) => scenarioMatches(applies, scenario)) &&
      (!detector.whenQuestion || detector.whenQuestion.test(question)) &&
      !(detector.unlessQuestion && detector.unlessQuestion.test(question));
    active[detector.index] = runs ? 1 : 0;
  }
  if (library.activeCache.size > 64) library.activeCache.clear();
  library.activeCache.set(key, active);
  return active;
}
