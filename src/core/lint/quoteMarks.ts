import { countBetween, lastBetween, lowerBound } from './sortedPositions';

const NEWLINE = 0x0a;
const STRAIGHT = 0x22; // "
const LETTER = /\p{L}/u;

/** Opening and closing marks of the curly pairs and guillemets. */
const PAIRS = [
  ['“', '”'],
  ['«', '»'],
  ['‘', '’'],
] as const;

/**
 * Where the quotation marks and line breaks of one text are, so "is this span quoted?" is a few binary
 * searches rather than a scan of its line: an answer of one endless line has thousands of findings.
 */
export class QuoteMarks {
  private readonly lineBreaks: number[] = [];
  private readonly straight: number[] = [];
  private readonly opens: number[][] = PAIRS.map(() => []);
  private readonly closes: number[][] = PAIRS.map(() => []);
  /** Closing marks that close: ’ followed by a letter is an apostrophe ("don’t"). */
  private readonly closing: number[][] = PAIRS.map(() => []);
  private readonly length: number;

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === NEWLINE) this.lineBreaks.push(i);
      else if (code === STRAIGHT) this.straight.push(i);
      else if (code > 0x7f) {
        const char = text[i]!;
        PAIRS.forEach(([open, close], p) => {
          if (char === open) this.opens[p]!.push(i);
          if (char === close) {
            this.closes[p]!.push(i);
            if (close !== '’' || !LETTER.test(text[i + 1] ?? '')) this.closing[p]!.push(i);
          }
        });
      }
    }
    this.length = text.length;
  }

  /** Inside a pair of quotation marks on the same line (straight double quotes, or curly and guillemets). */
  isQuoted(start: number, end: number): boolean {
    const lineStart = lastBetween(this.lineBreaks, 0, start) + 1;
    const breakAfter = this.lineBreaks[lowerBound(this.lineBreaks, end)];
    const lineEnd = breakAfter ?? this.length;
    if (countBetween(this.straight, lineStart, start) % 2 === 1 && countBetween(this.straight, end, lineEnd) > 0) return true;
    return PAIRS.some((_, p) => {
      const opened = lastBetween(this.opens[p]!, lineStart, start);
      return opened !== -1 && countBetween(this.closes[p]!, opened, start) === 0 && countBetween(this.closing[p]!, end, lineEnd) > 0;
    });
  }
}
