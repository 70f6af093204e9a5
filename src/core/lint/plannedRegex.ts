import { AnswerView } from './answerView';
import { planPattern, type PatternPlan } from './planPattern';
import type { TextView } from './textView';

/**
 * A regular expression that runs only where it can match: not at all when none of its required literals
 * occurs, and on a whole answer paragraph by paragraph, each paragraph's matches kept while it is unchanged
 * (unless the pattern is anchored to the whole text).
 */
export class PlannedRegex {
  private compiled: RegExp | undefined;
  readonly plan: PatternPlan;

  /** `source` must be a valid regular expression (the principle schema checks every pattern). */
  constructor(
    private readonly source: string,
    private readonly flags: string,
    plan?: PatternPlan,
  ) {
    this.plan = plan ?? planPattern(source);
  }

  /** Built on first use: most patterns never run in a session, so activation does not pay for them. */
  private get regex(): RegExp {
    return (this.compiled ??= new RegExp(this.source, this.flags + 'g'));
  }

  /**
   * Calls `visit` with each match's [start, end) in the text; `visit` returns true to stop early.
   * Empty matches (a pattern of lookaheads) are visited only when `includeEmpty` is set.
   */
  forEachMatch(view: TextView | AnswerView, visit: (start: number, end: number) => boolean | void, includeEmpty = false): void {
    if (view instanceof AnswerView && !this.plan.anchored) {
      for (const paragraph of view.paragraphs) {
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
    this.scan(view.text, visit, includeEmpty);
  }

  test(view: TextView | AnswerView): boolean {
    let found = false;
    // A condition such as `(?=.*cold)(?=.*antibiotic)` matches the empty string, and that counts.
    this.forEachMatch(view, () => (found = true), true);
    return found;
  }

  /** False when none of the required literals occurs in the text, so the regex cannot match there. */
  mayMatch(view: TextView): boolean {
    return !this.plan.literals || this.plan.literals.some((literal) => view.contains(literal));
  }

  private mayMatchAnywhere(view: AnswerView): boolean {
    return view.paragraphs.some((p) => this.mayMatch(p.analysis.view));
  }

  private scan(text: string, visit: (start: number, end: number) => boolean | void, includeEmpty: boolean): void {
    const regex = this.regex;
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
