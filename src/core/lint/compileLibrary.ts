import type { ConceptLexicon } from '../concepts/conceptLexicon';
import { bundledLexicon } from '../concepts/loadLexicon';
import { RecognitionCache } from '../concepts/recognitionCache';
import type { Principle } from '../principles/principle';
import type { Applies } from '../scenario/labels';
import type { Detector, Severity } from '../principles/schema';
import { compileMatcher, type CompiledMatcher } from './compileMatcher';
import { LiteralIndex } from './literalIndex';
import { ParagraphCache } from './paragraphAnalysis';
import { PatternPlans } from '../text/patternPlans';
import { planMatcher, type PatternPlan } from '../text/planPattern';
import { PlannedRegex } from './plannedRegex';
import { scenarioConditionsOf } from './questionConditions';
import { LEFT_BOUNDARY, regexFlags, termToRegexSource } from '../text/termPattern';
import { LiteralTermMatcher } from './literalTermMatcher';

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
  /** Concept conditions: in the question (`when`/`unless.concepts`) and in the answer. */
  whenConcepts?: string[];
  whenEmergency?: boolean;
  locales?: string[];
  unlessConcepts?: string[];
  whenAnswerConcepts?: string[];
  unlessAnswerConcepts?: string[];
  expectConcepts?: string[];
  /** `avoid` with concepts: their current or hypothetical mentions in the answer are hits. */
  avoidConcepts?: string[];
  hypotheticalOkWith?: string[];
}

/** A literal term of an avoid/replace detector, verified with a sticky regex at a token start. */
export interface TermEntry {
  /** Position in `CompiledLibrary.termEntries`. */
  id: number;
  /** The term as the principle file writes it. */
  term: string;
  /** Sticky regex that checks the whole term (boundaries, case) at a position; built on first use. */
  readonly regex: RegExp;
  /** The same check without a regex, for a term of ASCII and typographic punctuation (the regex decides the rest). */
  matcher: LiteralTermMatcher | undefined;
  /** Whether the regex starts with the left word boundary (the term starts with a word character). */
  leftBounded: boolean;
  detector: CompiledDetector;
  replacement?: string;
}

/** A regex of an `avoid` detector (or a term that does not start with a letter or digit). */
export interface CompiledPattern {
  regex: PlannedRegex;
  detector: CompiledDetector;
  /** Set for terms of `replace` detectors that are scanned as patterns. */
  replacement?: string;
}

/** All principles' detectors compiled once: the answer is scanned in one pass, whatever the library size. */
export interface CompiledLibrary {
  principles: readonly Principle[];
  /** The plan and engine of every pattern, worked out once (the loaded library's, or new). */
  patternPlans: PatternPlans;
  detectors: CompiledDetector[];
  /** Lower-cased first word of a term → the terms starting with it. */
  termIndex: Map<string, TermEntry[]>;
  termEntries: TermEntry[];
  /** The terms starting with each literal of `literalIndex`, by the literal's number (undefined for other literals). */
  termsByLiteral: (TermEntry[] | undefined)[];
  /** Regex patterns, and terms that do not start with a letter or digit (rare). */
  patterns: CompiledPattern[];
  requires: CompiledDetector[];
  limits: CompiledDetector[];
  /** Every literal the terms, patterns and answer matchers require, located in one pass per paragraph. */
  literalIndex: LiteralIndex;
  /** What is known about each paragraph seen recently: a keystroke re-analyses only the paragraph it changed. */
  paragraphs: ParagraphCache;
  /** Detectors whose run depends only on scenario and question: memoised per (scenario, question). */
  activeCache: Map<string, Uint8Array>;
  /** The concept lexicon the principles' concept conditions refer to, and its recent recognitions. */
  lexicon: ConceptLexicon;
  recognitions: RecognitionCache;
  /** Detectors that need the answer's concept mentions (the answer is recognised only when one runs). */
  conceptDetectors: CompiledDetector[];
}

const FIRST_WORD = /^[\p{L}\p{M}\p{N}]+/u;

export function compileLibrary(
  principles: readonly Principle[],
  lexicon: ConceptLexicon = bundledLexicon(),
  patternPlans: PatternPlans = new PatternPlans(),
): CompiledLibrary {
  const library: CompiledLibrary = {
    patternPlans,
    lexicon,
    recognitions: new RecognitionCache(lexicon),
    conceptDetectors: [],
    principles,
    detectors: [],
    termIndex: new Map(),
    termEntries: [],
    termsByLiteral: [],
    patterns: [],
    requires: [],
    limits: [],
    literalIndex: new LiteralIndex([]),
    paragraphs: undefined as unknown as ParagraphCache,
    activeCache: new Map(),
  };
  library.paragraphs = new ParagraphCache(library);
  const addPattern = (
    source: string,
    flags: string,
    detector: CompiledDetector,
    replacement?: string,
    plan?: PatternPlan,
    fromTerms = false,
  ) => {
    const regex = new PlannedRegex(source, flags, plan ?? patternPlans.plan(source), fromTerms, patternPlans);
    const pattern: CompiledPattern = { regex, detector };
    if (replacement !== undefined) pattern.replacement = replacement;
    library.patterns.push(pattern);
  };
  const addTerm = (term: string, ignorecase: boolean | undefined, detector: CompiledDetector, replacement?: string) => {
    const source = termToRegexSource(term);
    const firstWord = FIRST_WORD.exec(term.trim())?.[0];
    // A one-letter first word ("q.d.", "U") would be found everywhere: such terms are planned as patterns,
    // whose literal is the whole term.
    if (!firstWord || firstWord.length < 2) {
      addPattern(source, regexFlags(ignorecase), detector, replacement, planMatcher([term], []), true);
      return;
    }
    const key = firstWord.toLowerCase();
    const entries = library.termIndex.get(key) ?? [];
    let sticky: RegExp | undefined;
    const entry: TermEntry = {
      id: library.termEntries.length,
      term,
      get regex() {
        return (sticky ??= new RegExp(source, regexFlags(ignorecase, 'y')));
      },
      matcher: LiteralTermMatcher.of(term, ignorecase),
      leftBounded: source.startsWith(LEFT_BOUNDARY),
      detector,
    };
    if (replacement !== undefined) entry.replacement = replacement;
    entries.push(entry);
    library.termEntries.push(entry);
    library.termIndex.set(key, entries);
  };

  for (const principle of principles) {
    if (principle.disabled) continue;
    for (const detector of principle.detect ?? []) {
      const compiled = compileDetector(principle, detector, library.detectors.length, patternPlans);
      library.detectors.push(compiled);
      if (
        compiled.avoidConcepts ||
        compiled.expectConcepts ||
        compiled.whenAnswerConcepts ||
        compiled.unlessAnswerConcepts
      ) {
        library.conceptDetectors.push(compiled);
      }
      switch (detector.kind) {
        case 'avoid':
          for (const term of detector.terms ?? []) addTerm(term, detector.ignorecase, compiled);
          for (const pattern of detector.patterns ?? []) addPattern(pattern, regexFlags(detector.ignorecase), compiled);
          break;
        case 'replace':
          for (const [wrong, right] of Object.entries(detector.map))
            addTerm(wrong, detector.ignorecase, compiled, right);
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
  const literals = [
    ...library.termIndex.keys(),
    ...library.patterns.flatMap((p) => [
      ...(p.regex.plan.literals ?? []),
      ...(p.regex.indexesStarts ? p.regex.plan.starts! : []),
    ]),
    ...library.detectors.flatMap((d) => [d.whenAnswer, d.unlessAnswer, d.expect].flatMap((m) => m?.literals ?? [])),
  ];
  library.literalIndex = new LiteralIndex(literals);
  library.termsByLiteral = library.literalIndex.literals.map((literal) => library.termIndex.get(literal));
  return library;
}

function compileDetector(
  principle: Principle,
  detector: Detector,
  index: number,
  plans: PatternPlans,
): CompiledDetector {
  const compiled: CompiledDetector = {
    index,
    principle,
    detector,
    severity: detector.severity ?? principle.severity,
    message: detector.message ?? principle.title,
    scenarioConditions: scenarioConditionsOf(principle, detector),
  };
  if (detector.when?.concepts) compiled.whenConcepts = detector.when.concepts;
  if (detector.when?.emergency) compiled.whenEmergency = true;
  if (detector.when?.locales) compiled.locales = detector.when.locales;
  if (detector.unless?.concepts) compiled.unlessConcepts = detector.unless.concepts;
  if (detector.when?.answer?.concepts) compiled.whenAnswerConcepts = detector.when.answer.concepts;
  if (detector.unless?.answer?.concepts) compiled.unlessAnswerConcepts = detector.unless.answer.concepts;
  if (detector.kind === 'require' && detector.expect.concepts) compiled.expectConcepts = detector.expect.concepts;
  if (detector.kind === 'avoid' && detector.concepts) {
    compiled.avoidConcepts = detector.concepts;
    if (detector.hypotheticalOkWith) compiled.hypotheticalOkWith = detector.hypotheticalOkWith;
  }
  if (detector.when?.question) compiled.whenQuestion = compileMatcher(detector.when.question, plans);
  if (detector.when?.answer) compiled.whenAnswer = compileMatcher(detector.when.answer, plans);
  if (detector.unless?.question) compiled.unlessQuestion = compileMatcher(detector.unless.question, plans);
  if (detector.unless?.answer) compiled.unlessAnswer = compileMatcher(detector.unless.answer, plans);
  if ((detector.kind === 'avoid' || detector.kind === 'replace') && detector.unlessSentence) {
    compiled.unlessSentence = compileMatcher(detector.unlessSentence, plans);
  }
  if (detector.kind === 'require') compiled.expect = compileMatcher(detector.expect, plans);
  return compiled;
}
