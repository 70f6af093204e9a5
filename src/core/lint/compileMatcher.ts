import type { Matcher } from '../principles/schema';
import { regexFlags, termToRegexSource } from './termPattern';

/** A matcher compiled into one regular expression (terms and patterns as alternatives). */
export interface CompiledMatcher {
  /** True if the text contains a match. */
  test(text: string): boolean;
}

export function compileMatcher(matcher: Matcher): CompiledMatcher {
  const sources = [...(matcher.terms ?? []).map(termToRegexSource), ...(matcher.patterns ?? [])];
  const regex = new RegExp(sources.map((s) => `(?:${s})`).join('|'), regexFlags(matcher.ignorecase));
  return { test: (text) => regex.test(text) };
}
