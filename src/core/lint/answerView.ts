import { LiteralParagraphs } from './literalParagraphs';
import type { ParagraphAnalysis, ParagraphCache, Sentence } from './paragraphAnalysis';
import { QuoteMarks, type QuotedSpans } from './quoteMarks';
import { spanIndexAt, splitParagraphs } from './sentences';
import { upperBound } from './sortedPositions';
import type { TextStatistics } from './readability';

export interface AnswerParagraph {
  start: number;
  end: number;
  analysis: ParagraphAnalysis;
}

/** The answer as a run of cached paragraph analyses; every offset it returns is in the whole answer. */
export class AnswerView implements QuotedSpans {
  readonly paragraphs: AnswerParagraph[];
  private sentenceList: Sentence[] | undefined;
  private byLiteral: LiteralParagraphs | null | undefined;
  private wholeQuoteMarks: QuoteMarks | undefined;
  /** Index in `sentences()` of each paragraph's first sentence (unset for a one-paragraph answer). */
  private firstSentences: number[] | undefined;

  constructor(
    readonly text: string,
    cache: ParagraphCache,
  ) {
    this.paragraphs = coveringParagraphs(text).map(({ start, end }) => ({
      start,
      end,
      analysis: cache.get(text.slice(start, end)),
    }));
  }

  /**
   * Which paragraphs hold each literal of the library's index (worked out on first use from each paragraph's
   * literal scan), so a regex visits only the paragraphs it can match in. Null when the paragraphs have no index.
   */
  literalParagraphs(): LiteralParagraphs | null {
    if (this.byLiteral === undefined) {
      const index = this.paragraphs[0]?.analysis.view.index;
      this.byLiteral = index
        ? new LiteralParagraphs(
            index,
            this.paragraphs.map((p) => p.analysis.view.literalPositions()),
          )
        : null;
    }
    return this.byLiteral;
  }

  sentences(): Sentence[] {
    if (this.sentenceList) return this.sentenceList;
    // One paragraph (most answers typed so far, or one huge block): its sentences already have these offsets.
    if (this.paragraphs.length === 1 && this.paragraphs[0]!.start === 0)
      return (this.sentenceList = this.paragraphs[0]!.analysis.sentences());
    const list: Sentence[] = [];
    this.firstSentences = [];
    for (const p of this.paragraphs) {
      this.firstSentences.push(list.length);
      for (const s of p.analysis.sentences())
        list.push({ start: s.start + p.start, end: s.end + p.start, words: s.words, syllables: s.syllables });
    }
    return (this.sentenceList = list);
  }

  /** Whether sentence `index` of `sentences()` is a list or table run together (its paragraph remembers). */
  isListLikeSentence(index: number): boolean {
    this.sentences();
    if (!this.firstSentences) return this.paragraphs[0]!.analysis.isListLikeSentence(index);
    // The last paragraph starting at or before it (a paragraph without sentences shares its successor's start).
    const paragraph = upperBound(this.firstSentences, index) - 1;
    return this.paragraphs[paragraph]!.analysis.isListLikeSentence(index - this.firstSentences[paragraph]!);
  }

  /** Index in `sentences()` of the sentence holding `offset`, or -1 (binary search). */
  sentenceIndexAt(offset: number): number {
    return spanIndexAt(this.sentences(), offset);
  }

  /**
   * Whether [start, end) is inside quotation marks on its line. Asked of the paragraph that holds it, whose
   * marks are found once while its text is unchanged, when the line starts inside that paragraph (a paragraph
   * starts with the blank line before it, and what follows its end on the line is white space); otherwise
   * of the whole answer.
   */
  isQuoted(start: number, end: number): boolean {
    const paragraph = this.paragraphs[spanIndexAt(this.paragraphs, start)];
    const marks = paragraph?.analysis.quoteMarks();
    if (
      paragraph &&
      marks &&
      end <= paragraph.end &&
      (paragraph.start === 0 || marks.lineStartsInside(start - paragraph.start))
    ) {
      return marks.isQuoted(start - paragraph.start, end - paragraph.start);
    }
    return (this.wholeQuoteMarks ??= new QuoteMarks(this.text)).isQuoted(start, end);
  }

  statistics(): TextStatistics {
    let words = 0;
    let syllables = 0;
    for (const p of this.paragraphs) {
      const stats = p.analysis.wordsAndSyllables();
      words += stats.words;
      syllables += stats.syllables;
    }
    return { words, syllables, sentences: Math.max(1, this.sentences().length) };
  }
}

/** Paragraph spans that together cover every character (a blank-line gap belongs to the next paragraph). */
function coveringParagraphs(text: string): { start: number; end: number }[] {
  const paragraphs = splitParagraphs(text);
  if (paragraphs.length === 0) return [{ start: 0, end: text.length }];
  return paragraphs.map((p, i) => ({
    start: i === 0 ? 0 : paragraphs[i - 1]!.end,
    end: i === paragraphs.length - 1 ? text.length : p.end,
  }));
}
