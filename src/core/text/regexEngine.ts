import { createHash } from 'node:crypto';
import { re2Compiles, toRe2Source } from './linearRegex';
import verdicts from './regexSafetyVerdicts.json';

/**
 * Which engine runs a detector pattern. JavaScript's backtracking engine is fast but can take exponential
 * time on a badly written pattern; it runs only patterns that `recheck` proved linear (`npm run
 * check:regex` records the proofs for the bundled library). Every other pattern, including every pattern
 * from a team file, runs on RE2, which is linear whatever the pattern. A pattern that is neither proven nor
 * expressible in RE2 (lookaround, backreferences) is refused when the principle file is loaded.
 */
export type EngineChoice =
  { engine: 'backtracking' } | { engine: 'linear'; re2Source: string } | { engine: 'refused'; reason: string };

const proven = new Set<string>(verdicts.safe);

/** The key a pattern's proof is recorded under. */
export function patternKey(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 20);
}

export function isProvenLinear(source: string): boolean {
  return proven.has(patternKey(source));
}

/** Pure, and costly for a pattern that is not proven (RE2 compiles it): a library remembers it (PatternPlans). */
export function chooseEngine(source: string): EngineChoice {
  if (isProvenLinear(source)) return { engine: 'backtracking' };
  const re2Source = toRe2Source(source);
  if (re2Source !== undefined && re2Compiles(re2Source)) return { engine: 'linear', re2Source };
  return {
    engine: 'refused',
    reason:
      re2Source === undefined
        ? 'uses lookaround or a backreference, which only a backtracking engine runs, and is not proven linear; rewrite it without them (use `unless` for exceptions)'
        : 'is not accepted by the linear engine (RE2); simplify it (repeat counts up to 1000)',
  };
}
