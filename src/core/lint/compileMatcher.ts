import type { Matcher } from '../principles/schema';
import { PlannedRegex } from './plannedRegex';
import { regexFlags, termToRegexSource } from './termPattern';
import { TextView } from './textView';

/** A matcher compiled into one planned regular expression (terms and patterns as alternatives). */
export interface CompiledMatcher {
  /** True if the text contains a match. */
  test(text: string | TextView): boolean;
  /** Literals one of which any match contains (for the library's literal index). */
  literals: readonly string[];
}

export function compileMatcher(matcher: Matcher): CompiledMatcher {
  const sources = [...(matcher.terms ?? []).map(termToRegexSource), ...(matcher.patterns ?? [])];
  const regex = new PlannedRegex(sources.map((s) => `(?:${s})`).join('|'), regexFlags(matcher.ignorecase));
  return {
    test: (text) => regex.test(typeof text === 'string' ? new TextView(text) : text),
    literals: regex.plan.literals ?? [],
  };
}
