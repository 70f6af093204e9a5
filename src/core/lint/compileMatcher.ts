import type { Matcher } from '../principles/schema';
import type { AnswerView } from './answerView';
import { planMatcher } from './planPattern';
import { PlannedRegex } from './plannedRegex';
import { regexFlags, termToRegexSource } from './termPattern';
import { TextView } from './textView';

/** A matcher compiled into one planned regular expression (terms and patterns as alternatives). */
export interface CompiledMatcher {
  /** True if the text contains a match. */
  test(text: string | TextView | AnswerView): boolean;
  /** Literals one of which any match contains (for the library's literal index). */
  literals: readonly string[];
}

export function compileMatcher(matcher: Matcher): CompiledMatcher {
  const terms = matcher.terms ?? [];
  const patterns = matcher.patterns ?? [];
  // A matcher of concepts only: its concepts are checked against the recogniser's mentions, not here.
  if (terms.length + patterns.length === 0) return { test: () => false, literals: [] };
  const source = [...terms.map(termToRegexSource), ...patterns].map((s) => `(?:${s})`).join('|');
  const regex = new PlannedRegex(source, regexFlags(matcher.ignorecase), planMatcher(terms, patterns));
  return {
    test: (text) => regex.test(typeof text === 'string' ? new TextView(text) : text),
    literals: regex.plan.literals ?? [],
  };
}
