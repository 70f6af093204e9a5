import type { ParagraphAnalysis, ParagraphCache, Sentence } from './paragraphAnalysis';
import { spanIndexAt, splitParagraphs } from './sentences';
import type { TextStatistics } from './readability';

export interface AnswerParagraph {
  start: number;
  end: number;
  analysis: ParagraphAnalysis;
}

/** The answer as a run of cached paragraph analyses; every offset it returns is in the whole answer. */
export class AnswerView {
  readonly paragraphs: AnswerParagraph[];
  private sentenceList: Sentence[] | undefined;

  constructor(
    readonly text: string,
    cache: ParagraphCache,
  ) {
    this.paragraphs = coveringParagraphs(text).map(({ start, end }) => ({ start, end, analysis: cache.get(text.slice(start, end)) }));
  }

  sentences(): Sentence[] {
    return (this.sentenceList ??= this.paragraphs.flatMap((p) =>
      p.analysis.sentences().map((s) => ({ ...s, start: s.start + p.start, end: s.end + p.start })),
    ));
  }

  sentenceAt(offset: number): Sentence | undefined {
    const sentences = this.sentences();
    return sentences[spanIndexAt(sentences, offset)];
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
  return paragraphs.map((p, i) => ({ start: i === 0 ? 0 : paragraphs[i - 1]!.end, end: i === paragraphs.length - 1 ? text.length : p.end }));
}
