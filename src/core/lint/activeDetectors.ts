import { SCENARIO_DIMENSIONS, type Scenario } from '../scenario/labels';
import type { CompiledLibrary } from './compileLibrary';
import { questionConditionsHold } from './questionConditions';

/**
 * Which detectors may run for this scenario and question (1 = may run). Both change far less often than
 * the answer being typed, so the result is memoised and each keystroke pays only for a map lookup.
 */
export function activeDetectors(
  library: CompiledLibrary,
  scenario: Scenario,
  question: string,
  locale = '',
): Uint8Array {
  const key = SCENARIO_DIMENSIONS.map((d) => scenario[d]).join('|') + '\u0000' + locale + '\u0000' + question;
  const cached = library.activeCache.get(key);
  if (cached) return cached;
  const active = new Uint8Array(library.detectors.length);
  const recognition = () => library.recognitions.recognise(question);
  for (const detector of library.detectors) {
    active[detector.index] = questionConditionsHold(detector, scenario, question, recognition, locale || undefined)
      ? 1
      : 0;
  }
  if (library.activeCache.size > 64) library.activeCache.clear();
  library.activeCache.set(key, active);
  return active;
}
