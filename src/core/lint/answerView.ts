import type { LiteralIndex } from './literalIndex';
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
  private present: { index: LiteralIndex; ids: Uint8Array } | null | undefined;
  private byLiteral: Map<number, number[]> | undefined;
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
   * Which literals of the library's index occur in some paragraph (1 = occurs), so a regex none of whose
   * literals occurs skips every paragraph at once. Null when the paragraphs have no index.
   */
  literalsPresent(): { index: LiteralIndex; ids: Uint8Array } | null {
    if (this.present === undefined) {
      const index = this.paragraphs[0]?.analysis.view.index;
      if (!index) return (this.present = null);
      const ids = new Uint8Array(index.literals.length);
      for (const paragraph of this.paragraphs) {
        for (const id of paragraph.analysis.view.literalPositions().found) ids[id] = 1;
      }
      this.present = { index, ids };
    }
    return this.present;
  }

  /**
   * The paragraphs (numbers, ascending) in which literal `id` of the index occurs; undefined when none. Built
   * on first use from each paragraph's literal scan, so a regex visits only the paragraphs it can match in.
   */
  paragraphsWith(id: number): readonly number[] | undefined {
    if (!this.byLiteral) {
      this.byLiteral = new Map();
      this.paragraphs.forEach((paragraph, at) => {
        for (const found of paragraph.analysis.view.literalPositions().found) {
          const list = this.byLiteral!.get(found);
          if (list) list.push(at);
          else this.byLiteral!.set(found, [at]);
        }
      });
    }
    return this.byLiteral.get(id);
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
