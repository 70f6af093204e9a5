import type { Principle } from '../principles/principle';
import type { Detector, Severity } from '../principles/schema';
import type { Applies } from '../scenario/labels';
import { compileMatcher, type CompiledMatcher } from './compileMatcher';
import { regexFlags, termToRegexSource } from './termPattern';

/** One detector of one principle, with its matchers compiled. */
export interface CompiledDetector {
  index: number;
  principle: Principle;
  detector: Detector;
  severity: Severity;
  message: string;
  /** The principle's `applies` and the detector's `when.scenario`, both of which must hold. */
  scenarioConditions: Applies[];
  whenQuestion?: CompiledMatcher;
  whenAnswer?: CompiledMatcher;
  unlessQuestion?: CompiledMatcher;
  unlessAnswer?: CompiledMatcher;
  unlessSentence?: CompiledMatcher;
  expect?: CompiledMatcher;
}

/** A literal term of an avoid/replace detector, verified with a sticky regex at a token start. */
export interface TermEntry {
  regex: RegExp;
  detector: CompiledDetector;
  replacement?: string;
}

/**
 * Pattern detectors combined into one regex per flag set, used to find the positions where some pattern
 * matches; each pattern's own sticky regex then says which ones match there, so one pattern's match never
 * hides another's.
 */
export interface PatternScan {
  combined: RegExp;
  patterns: { sticky: RegExp; detector: CompiledDetector }[];
}

/** All principles' detectors compiled once: the answer is scanned in one pass, whatever the library size. */
export interface CompiledLibrary {
  principles: readonly Principle[];
  detectors: CompiledDetector[];
  /** Lower-cased first word of a term → the terms starting with it. */
  termIndex: Map<string, TermEntry[]>;
  /** Terms that do not start with a letter or digit (rare), scanned as patterns. */
  patternScans: PatternScan[];
  requires: CompiledDetector[];
  limits: CompiledDetector[];
  /** Detectors whose run depends only on scenario and question: memoised per (scenario, question). */
  activeCache: Map<string, Uint8Array>;
}

const FIRST_WORD = /^[\p{L}\p{M}\p{N}]+/u;

export function compileLibrary(principles: readonly Principle[]): CompiledLibrary {
  const library: CompiledLibrary = {
    principles,
    detectors: [],
    termIndex: new Map(),
    patternScans: [],
    requires: [],
    limits: [],
    activeCache: new Map(),
  };
  const patternsByFlags = new Map<string, { source: string; detector: CompiledDetector }[]>();
  const addPattern = (source: string, flags: string, detector: CompiledDetector) => {
    const list = patternsByFlags.get(flags) ?? [];
    list.push({ source, detector });
    patternsByFlags.set(flags, list);
  };
  const addTerm = (term: string, ignorecase: boolean | undefined, detector: CompiledDetector, replacement?: string) => {
    const source = termToRegexSource(term);
    const firstWord = FIRST_WORD.exec(term.trim())?.[0];
    if (!firstWord) {
      addPattern(source, regexFlags(ignorecase), detector);
      return;
    }
    const key = firstWord.toLowerCase();
    const entries = library.termIndex.get(key) ?? [];
    const entry: TermEntry = { regex: new RegExp(source, regexFlags(ignorecase, 'y')), detector };
    if (replacement !== undefined) entry.replacement = replacement;
    entries.push(entry);
    library.termIndex.set(key, entries);
  };

  for (const principle of principles) {
    if (principle.disabled) continue;
    for (const detector of principle.detect ?? []) {
      const compiled = compileDetector(principle, detector, library.detectors.length);
      library.detectors.push(compiled);
      switch (detector.kind) {
        case 'avoid':
          for (const term of detector.terms ?? []) addTerm(term, detector.ignorecase, compiled);
          for (const pattern of detector.patterns ?? []) addPattern(pattern, regexFlags(detector.ignorecase), compiled);
          break;
        case 'replace':
          for (const [wrong, right] of Object.entries(detector.map)) addTerm(wrong, detector.ignorecase, compiled, right);
          break;
        case 'require':
          library.requires.push(compiled);
          break;
        case 'limit':
          library.limits.push(compiled);
          break;
      }
    }
  }
  for (const [flags, patterns] of patternsByFlags) library.patternScans.push(...combinePatterns(patterns, flags));
  return library;
}

function compileDetector(principle: Principle, detector: Detector, index: number): CompiledDetector {
  const compiled: CompiledDetector = {
    index,
    principle,
    detector,
    severity: detector.severity ?? principle.severity,
    message: detector.message ?? principle.title,
    scenarioConditions: [principle.applies, detector.when?.scenario].filter((a): a is Applies => a !== undefined),
  };
  if (detector.when?.question) compiled.whenQuestion = compileMatcher(detector.when.question);
  if (detector.when?.answer) compiled.whenAnswer = compileMatcher(detector.when.answer);
  if (detector.unless?.question) compiled.unlessQuestion = compileMatcher(detector.unless.question);
  if (detector.unless?.answer) compiled.unlessAnswer = compileMatcher(detector.unless.answer);
  if ((detector.kind === 'avoid' || detector.kind === 'replace') && detector.unlessSentence) {
    compiled.unlessSentence = compileMatcher(detector.unlessSentence);
  }
  if (detector.kind === 'require') compiled.expect = compileMatcher(detector.expect);
  return compiled;
}

/** Backreferences count groups across the whole regex, so such patterns cannot share one. */
const BACKREFERENCE = /\\(?:[1-9]|k<)/;

function combinePatterns(all: { source: string; detector: CompiledDetector }[], flags: string): PatternScan[] {
  const alone = all.filter((p) => BACKREFERENCE.test(p.source));
  const patterns = all.filter((p) => !BACKREFERENCE.test(p.source));
  const separate = alone.map(({ source, detector }) => ({
    combined: new RegExp(source, flags + 'g'),
    patterns: [{ sticky: new RegExp(source, flags + 'y'), detector }],
  }));
  if (patterns.length === 0) return separate;
  return [...separate, ...combineSharable(patterns, flags)];
}

function combineSharable(patterns: { source: string; detector: CompiledDetector }[], flags: string): PatternScan[] {
  const compiled = patterns.map(({ source, detector }) => ({ sticky: new RegExp(source, flags + 'y'), detector }));
  try {
    return [{ combined: new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), flags + 'g'), patterns: compiled }];
  } catch {
    // Named groups repeated across patterns cannot share one regex; scan those separately.
    return compiled.map((pattern, i) => ({ combined: new RegExp(patterns[i]!.source, flags + 'g'), patterns: [pattern] }));
  }
}
