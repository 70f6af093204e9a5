import { planPattern, type PatternPlan } from './planPattern';
import type { TextView } from './textView';

/**
 * A regular expression that runs only where it can match: not at all when none of its required literals
 * occurs in the text, else only on the paragraphs that hold one (unless it is anchored to the whole text).
 */
export class PlannedRegex {
  private readonly regex: RegExp;
  readonly plan: PatternPlan;

  constructor(source: string, flags: string) {
    this.regex = new RegExp(source, flags + 'g');
    this.plan = planPattern(source);
  }

  /**
   * Calls `visit` with each match's [start, end) in the text; `visit` returns true to stop early.
   * Empty matches (a pattern of lookaheads) are visited only when `includeEmpty` is set.
   */
  forEachMatch(view: TextView, visit: (start: number, end: number) => boolean | void, includeEmpty = false): void {
    const { literals, anchored } = this.plan;
    const text = view.text;
    if (literals && !literals.some((literal) => view.contains(literal))) return;
    const windows = literals && !anchored ? view.windows(literals) : [{ start: 0, end: text.length }];
    const regex = this.regex;
    for (const window of windows) {
      const slice = window.start === 0 && window.end === text.length ? text : text.slice(window.start, window.end);
      regex.lastIndex = 0;
      for (let match = regex.exec(slice); match; match = regex.exec(slice)) {
        if (match[0].length === 0) {
          regex.lastIndex++;
          if (!includeEmpty) continue;
        }
        if (visit(window.start + match.index, window.start + match.index + match[0].length)) return;
      }
    }
  }

  test(view: TextView): boolean {
    let found = false;
    // A condition such as `(?=.*cold)(?=.*antibiotic)` matches the empty string, and that counts.
    this.forEachMatch(view, () => (found = true), true);
    return found;
  }
}
