import type { Matcher } from '../principles/schema';
import type { AnswerView } from './answerView';
import { PatternPlans } from '../text/patternPlans';
import { planMatcher } from '../text/planPattern';
import { PlannedRegex } from './plannedRegex';
import { regexFlags, termToRegexSource } from '../text/termPattern';
import { TextView } from './textView';

/** A matcher compiled into one planned regular expression (terms and patterns as alternatives). */
export interface CompiledMatcher {
  /** True if the text contains a match. */
  test(text: string | TextView | AnswerView): boolean;
  /** The literals the matcher's regexes look for first (for the library's literal index). */
  literals: readonly string[];
}

export function compileMatcher(matcher: Matcher, plans: PatternPlans = new PatternPlans()): CompiledMatcher {
  const terms = matcher.terms ?? [];
  const patterns = matcher.patterns ?? [];
  // A matcher of concepts only: its concepts are checked against the recogniser's mentions, not here.
  if (terms.length + patterns.length === 0) return { test: () => false, literals: [] };
  const flags = regexFlags(matcher.ignorecase);
  // Terms share one regex (linear by construction); each pattern keeps its own, so each runs on the engine
  // its proof allows (see regexEngine.ts).
  const regexes = patterns.map((pattern) => new PlannedRegex(pattern, flags, plans.plan(pattern), false, plans));
  if (terms.length > 0) {
    const source = terms.map((term) => `(?:${termToRegexSource(term)})`).join('|');
    regexes.unshift(new PlannedRegex(source, flags, planMatcher(terms, []), true));
  }
  return {
    test: (text) => {
      const view = typeof text === 'string' ? new TextView(text) : text;
      return regexes.some((regex) => regex.test(view));
    },
    // Every regex's own literals: the text view must index each of them for that regex's prefilter.
    literals: regexes.flatMap((regex) => regex.plan.literals ?? []),
  };
}
