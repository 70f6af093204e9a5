import type { CompiledLibrary } from './compileLibrary';
import type { PlannedRegex } from './plannedRegex';
import { countWords, textStatistics, type TextStatistics } from './readability';
import { splitSentences, type Span } from './sentences';
import { TextView } from './textView';

/** A sentence with its word count, in offsets of the text it was found in. */
export interface Sentence extends Span {
  words: number;
}

/** Match offsets as a flat list: start, end, start, end… */
export type FlatMatches = number[];

/**
 * Everything the engine learns about one paragraph, kept while the paragraph's text is unchanged. Typing
 * changes one paragraph at a time, so a keystroke re-analyses one paragraph and reuses the rest.
 */
export class ParagraphAnalysis {
  readonly view: TextView;
  private sentenceList: Sentence[] | undefined;
  private statistics: Omit<TextStatistics, 'sentences'> | undefined;
  private readonly regexMatches = new Map<PlannedRegex, FlatMatches>();
  private termMatches: FlatMatches | undefined;

  constructor(
    readonly text: string,
    private readonly library: CompiledLibrary,
  ) {
    this.view = new TextView(text, library.literalIndex);
  }

  sentences(): Sentence[] {
    return (this.sentenceList ??= splitSentences(this.text).map((s) => ({ ...s, words: countWords(this.text.slice(s.start, s.end)) })));
  }

  wordsAndSyllables(): Omit<TextStatistics, 'sentences'> {
    return (this.statistics ??= textStatistics(this.text, 1));
  }

  /** Every match of the regex in this paragraph, empty ones included (conditions may count them). */
  matchesOf(regex: PlannedRegex): FlatMatches {
    let matches = this.regexMatches.get(regex);
    if (!matches) {
      const found: FlatMatches = [];
      regex.forEachMatch(this.view, (start, end) => void found.push(start, end), true);
      this.regexMatches.set(regex, (matches = found));
    }
    return matches;
  }

  /** Term hits of every term entry (active or not): entry index, start, end, … */
  termHits(): FlatMatches {
    if (this.termMatches) return this.termMatches;
    const hits: FlatMatches = [];
    for (const [firstWord, entries] of this.library.termIndex) {
      const positions = this.view.positionsOf(firstWord);
      if (positions.length === 0) continue;
      for (const entry of entries) {
        for (const at of positions) {
          entry.regex.lastIndex = at;
          const match = entry.regex.exec(this.text);
          if (match) hits.push(entry.id, at, at + match[0].length);
        }
      }
    }
    return (this.termMatches = hits);
  }
}

/** Analyses by paragraph text for one library; bounded so a long session does not grow without end. */
export class ParagraphCache {
  private readonly entries = new Map<string, ParagraphAnalysis>();

  constructor(
    private readonly library: CompiledLibrary,
    private readonly capacity = 4000,
  ) {}

  get(text: string): ParagraphAnalysis {
    let analysis = this.entries.get(text);
    if (!analysis) {
      if (this.entries.size >= this.capacity) this.entries.clear();
      analysis = new ParagraphAnalysis(text, this.library);
      this.entries.set(text, analysis);
    }
    return analysis;
  }

  clear(): void {
    this.entries.clear();
  }
}
