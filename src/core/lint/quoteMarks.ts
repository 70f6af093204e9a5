import { countBetween, lastBetween, lowerBound } from './sortedPositions';

const LETTER = /\p{L}/u;

/** Opening and closing marks of the curly pairs and guillemets. */
const PAIRS = [
  ['“', '”'],
  ['«', '»'],
  ['‘', '’'],
] as const;

/** Answers whether a span of a text is quoted. */
export interface QuotedSpans {
  isQuoted(start: number, end: number): boolean;
}

/**
 * Where the quotation marks and line breaks of one text are, so "is this span quoted?" is a few binary
 * searches rather than a scan of its line: an answer of one endless line has thousands of findings. Each
 * list is built when first needed, with `indexOf` (most answers have no curly quotes at all).
 */
export class QuoteMarks implements QuotedSpans {
  private readonly lists = new Map<string, number[]>();
  /** ’ followed by a letter is an apostrophe ("don’t"), not a closing mark. */
  private closingSingle: number[] | undefined;

  constructor(private readonly text: string) {}

  /** Inside a pair of quotation marks on the same line (straight double quotes, or curly and guillemets). */
  isQuoted(start: number, end: number): boolean {
    const lineBreaks = this.positionsOf('\n');
    const lineStart = lastBetween(lineBreaks, 0, start) + 1;
    const lineEnd = lineBreaks[lowerBound(lineBreaks, end)] ?? this.text.length;
    const straight = this.positionsOf('"');
    if (countBetween(straight, lineStart, start) % 2 === 1 && countBetween(straight, end, lineEnd) > 0) return true;
    return PAIRS.some(([open, close]) => {
      const opened = lastBetween(this.positionsOf(open), lineStart, start);
      return (
        opened !== -1 &&
        countBetween(this.positionsOf(close), opened, start) === 0 &&
        countBetween(this.closing(close), end, lineEnd) > 0
      );
    });
  }

  /** Whether a line break comes before `offset`: the line holding it starts inside this text. */
  lineStartsInside(offset: number): boolean {
    return lastBetween(this.positionsOf('\n'), 0, offset) !== -1;
  }

  private positionsOf(mark: string): number[] {
    let list = this.lists.get(mark);
    if (!list) {
      list = [];
      for (let at = this.text.indexOf(mark); at !== -1; at = this.text.indexOf(mark, at + 1)) list.push(at);
      this.lists.set(mark, list);
    }
    return list;
  }

  private closing(close: string): number[] {
    if (close !== '’') return this.positionsOf(close);
    return (this.closingSingle ??= this.positionsOf(close).filter((at) => !LETTER.test(this.text[at + 1] ?? '')));
  }
}
