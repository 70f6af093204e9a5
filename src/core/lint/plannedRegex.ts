import { AnswerView } from './answerView';
import { LinearRegex } from '../text/linearRegex';
import { planPattern, type PatternPlan } from '../text/planPattern';
import type { PatternPlans } from '../text/patternPlans';
import { chooseEngine, isProvenLinear } from '../text/regexEngine';
import type { LiteralIndex } from './literalIndex';
import { unionOfSorted } from './sortedPositions';
import type { TextView } from './textView';

/**
 * A regular expression that runs only where it can match: not at all when none of its required literals
 * occurs, and on a whole answer paragraph by paragraph, each paragraph's matches kept while it is unchanged
 * (unless the pattern is anchored to the whole text).
 */
export class PlannedRegex {
  private compiled: RegExp | LinearRegex | null | undefined;
  readonly plan: PatternPlan;
  /** The plan's literals by their number in `literalsIndex` (-1 for one it does not hold). */
  private literalIds: Int32Array | undefined;
  private literalsIndex: LiteralIndex | undefined;
  private startIds: Int32Array | null | undefined;
  private startsIndex: LiteralIndex | undefined;
  /** The backtracking regex made sticky, for `tryAtStarts`. */
  private stickyRegex: RegExp | undefined;

  /** `source` must be a valid regular expression (the principle schema checks every pattern). */
  constructor(
    readonly source: string,
    private readonly flags: string,
    plan?: PatternPlan,
    /** Built by ClinAlign from literal terms (`termToRegexSource`): linear by construction. */
    private readonly fromTerms = false,
    /** The library's knowledge of its patterns, which remembers the engine chosen for each. */
    private readonly plans?: PatternPlans,
  ) {
    this.plan = plan ?? planPattern(source);
  }

  /**
   * Built on first use: most patterns never run in a session, so activation does not pay for them. Null for
   * a refused pattern (the loader has reported it; it never matches).
   */
  private get regex(): RegExp | LinearRegex | null {
    if (this.compiled === undefined) {
      const choice = this.fromTerms
        ? ({ engine: 'backtracking' } as const)
        : (this.plans?.engine(this.source) ?? chooseEngine(this.source));
      this.compiled =
        choice.engine === 'backtracking'
          ? new RegExp(this.source, this.flags + 'g')
          : choice.engine === 'linear'
            ? new LinearRegex(choice.re2Source, this.flags.includes('i'))
            : null;
    }
    return this.compiled;
  }

  /**
   * Calls `visit` with each match's [start, end) in the text; `visit` returns true to stop early.
   * Empty matches (a pattern of lookaheads) are visited only when `includeEmpty` is set.
   */
  forEachMatch(
    view: TextView | AnswerView,
    visit: (start: number, end: number) => boolean | void,
    includeEmpty = false,
  ): void {
    if (view instanceof AnswerView && !this.plan.anchored) {
      // None of the literals anywhere in the answer: no paragraph needs looking at.
      if (!this.mayMatchAnywhere(view)) return;
      const candidates = this.candidateParagraphs(view);
      const count = candidates ? candidates.length : view.paragraphs.length;
      for (let c = 0; c < count; c++) {
        const paragraph = view.paragraphs[candidates ? candidates[c]! : c]!;
        const matches = paragraph.analysis.matchesOf(this);
        for (let i = 0; i < matches.length; i += 2) {
          const start = matches[i]!;
          const end = matches[i + 1]!;
          if ((end > start || includeEmpty) && visit(paragraph.start + start, paragraph.start + end)) return;
        }
      }
      return;
    }
    if (view instanceof AnswerView ? !this.mayMatchAnywhere(view) : !this.mayMatch(view)) return;
    if (view instanceof AnswerView || !this.tryAtStarts(view, visit)) this.scan(view.text, visit, includeEmpty);
  }

  test(view: TextView | AnswerView): boolean {
    let found = false;
    // A condition such as `(?=.*cold)(?=.*antibiotic)` matches the empty string, and that counts.
    this.forEachMatch(view, () => (found = true), true);
    return found;
  }

  /** False when none of the required literals occurs in the text, so the regex cannot match there. */
  mayMatch(view: TextView): boolean {
    const literals = this.plan.literals;
    if (!literals) return true;
    if (!view.index) return literals.some((literal) => view.contains(literal));
    const positions = view.literalPositions();
    const ids = this.idsIn(view.index);
    for (let i = 0; i < ids.length; i++) if (positions.has(ids[i]!)) return true;
    return false;
  }

  private mayMatchAnywhere(view: AnswerView): boolean {
    const literals = this.plan.literals;
    if (!literals) return true;
    const present = view.literalParagraphs();
    if (!present) return view.paragraphs.some((p) => this.mayMatch(p.analysis.view));
    const ids = this.idsIn(present.index);
    for (let i = 0; i < ids.length; i++) if (present.occurs(ids[i]!)) return true;
    return false;
  }

  /**
   * Tries the pattern, sticky, only where one of its starts occurs (see `matchStarts`): the positions a scan
   * would try that can begin a match, in the same order, so the matches are the same. False when the pattern
   * cannot be run this way here (no proven starts, no literal index, or the linear engine).
   */
  private tryAtStarts(view: TextView, visit: (start: number, end: number) => boolean | void): boolean {
    const { starts, startChars } = this.plan;
    if (!(starts || startChars) || !view.index || !(this.regex instanceof RegExp)) return false;
    let positions: readonly number[] | undefined;
    if (starts) {
      const ids = this.startIdsIn(view.index);
      if (!ids) return false;
      positions = startPositions(view, ids);
    } else positions = view.positionsIn(startChars!);
    if (!positions) return true;
    const sticky = (this.stickyRegex ??= new RegExp(this.source, this.flags + 'y'));
    const text = view.text;
    let from = 0;
    for (let i = 0; i < positions.length; i++) {
      const at = positions[i]!;
      // Before the end of the last match, or tried already (two starts at one place: "jan", "january").
      if (at < from) continue;
      sticky.lastIndex = at;
      const match = sticky.exec(text);
      from = at + 1;
      if (!match) continue;
      // Never empty: a match begins with one of its starts.
      from = at + match[0].length;
      if (visit(at, from)) return true;
    }
    return true;
  }

  /** Whether `starts` go into the library's literal index: only a pattern the backtracking engine runs uses them. */
  get indexesStarts(): boolean {
    // The proof alone decides (a hash lookup): choosing the engine would compile the others for RE2 now.
    return this.plan.starts !== undefined && (this.fromTerms || isProvenLinear(this.source));
  }

  /** The starts' numbers in `index`; null when the index lacks one of them (the library always holds them). */
  private startIdsIn(index: LiteralIndex): Int32Array | null {
    if (this.startsIndex !== index) {
      const ids = Int32Array.from(this.plan.starts ?? [], (start) => index.idOf(start));
      this.startIds = ids.some((id) => id < 0) ? null : ids;
      this.startsIndex = index;
    }
    return this.startIds ?? null;
  }

  /**
   * The paragraphs (ascending) holding one of the literals, the only ones a match can be in; undefined for
   * every paragraph (no literals, or no index). The same paragraphs in the same order as visiting each.
   */
  private candidateParagraphs(view: AnswerView): readonly number[] | undefined {
    const present = this.plan.literals && view.literalParagraphs();
    if (!present) return undefined;
    return present.holdingAny(this.idsIn(present.index));
  }

  /** Numbers looked up once per index, not once per paragraph. */
  private idsIn(index: LiteralIndex): Int32Array {
    if (this.literalsIndex !== index || !this.literalIds) {
      this.literalIds = Int32Array.from(this.plan.literals ?? [], (literal) => index.idOf(literal));
      this.literalsIndex = index;
    }
    return this.literalIds;
  }

  private scan(text: string, visit: (start: number, end: number) => boolean | void, includeEmpty: boolean): void {
    const regex = this.regex;
    if (regex === null) return;
    if (regex instanceof LinearRegex) {
      regex.forEachMatch(text, (start, end) => (end > start || includeEmpty ? visit(start, end) : false));
      return;
    }
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      if (match[0].length === 0) {
        regex.lastIndex++;
        if (!includeEmpty) continue;
      }
      if (visit(match.index, match.index + match[0].length)) return;
    }
  }
}

/** Where any of the starts (by literal number) occurs, ascending; undefined when none does. */
function startPositions(view: TextView, ids: Int32Array): readonly number[] | undefined {
  const located = view.literalPositions();
  return unionOfSorted(Array.from(ids, (id) => located.of(id)));
}
