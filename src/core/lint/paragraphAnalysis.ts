import type { CompiledLibrary } from './compileLibrary';
import type { PlannedRegex } from './plannedRegex';
import { textStatistics, type TextStatistics } from './readability';
import { isListLike } from './listLike';
import { QuoteMarks } from './quoteMarks';
import { splitSentences, type Span } from './sentences';
import { allLeftBounded, firstWordMayEndAt, leftBoundaryMayHold, secondWordMayFollow } from './termPrecheck';
import { UNDECIDED } from './literalTermMatcher';
import { TextView } from './textView';

/** A sentence with its word and syllable counts, in offsets of the text it was found in. */
export interface Sentence extends Span {
  words: number;
  syllables: number;
}

/** Match offsets as a flat list: start, end, start, end… */
export type FlatMatches = number[];

const NO_MATCHES: FlatMatches = [];

/**
 * Everything the engine learns about one paragraph, kept while the paragraph's text is unchanged. Typing
 * changes one paragraph at a time, so a keystroke re-analyses one paragraph and reuses the rest.
 */
export class ParagraphAnalysis {
  readonly view: TextView;
  private sentenceList: Sentence[] | undefined;
  private statistics: Omit<TextStatistics, 'sentences'> | undefined;
  /** Only for regexes that passed the literal prefilter here: a few per paragraph. */
  private readonly regexMatches = new Map<PlannedRegex, FlatMatches>();
  private termMatches: FlatMatches | undefined;
  private quotes: QuoteMarks | undefined;
  /** By sentence: 1 list-like, 0 prose, -1 not yet asked. */
  private listLike: Int8Array | undefined;

  constructor(
    readonly text: string,
    private readonly library: CompiledLibrary,
  ) {
    this.view = new TextView(text, library.literalIndex);
  }

  sentences(): Sentence[] {
    return (this.sentenceList ??= splitSentences(this.text).map(({ start, end }) => {
      const { words, syllables } = textStatistics(this.text, 1, start, end);
      return { start, end, words, syllables };
    }));
  }

  /** Words and syllables of the paragraph's sentences (text outside sentences has no words). */
  wordsAndSyllables(): Omit<TextStatistics, 'sentences'> {
    return (this.statistics ??= this.sentences().reduce(
      (t, s) => ({ words: t.words + s.words, syllables: t.syllables + s.syllables }),
      { words: 0, syllables: 0 },
    ));
  }

  /** Whether sentence `index` is a list or table run together (`isListLike`), worked out when first asked. */
  isListLikeSentence(index: number): boolean {
    const sentences = this.sentences();
    const flags = (this.listLike ??= new Int8Array(sentences.length).fill(-1));
    if (flags[index] === -1)
      flags[index] = isListLike(this.text.slice(sentences[index]!.start, sentences[index]!.end)) ? 1 : 0;
    return flags[index] === 1;
  }

  /** Where this paragraph's quotation marks and line breaks are (no line crosses a paragraph's edge). */
  quoteMarks(): QuoteMarks {
    return (this.quotes ??= new QuoteMarks(this.text));
  }

  /** Every match of the regex in this paragraph, empty ones included (conditions may count them); cached. */
  matchesOf(regex: PlannedRegex): FlatMatches {
    // The prefilter is a few array reads, cheaper than remembering its answer for every regex.
    if (!regex.mayMatch(this.view)) return NO_MATCHES;
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
    // Walk the few literals that occur here rather than every term of the library; each entry checks its
    // term at the literal's offset without scanning on (by comparing ASCII, else with its sticky regex).
    const { found, lists } = this.view.literalPositions();
    const { termsByLiteral, literalIndex } = this.library;
    const lower = this.view.lower;
    for (let slot = 0; slot < found.length; slot++) {
      const entries = termsByLiteral[found[slot]!];
      if (!entries) continue;
      // The literal is the entries' first word: not where a word goes on before it or after it ("no" in "not").
      const wordLength = literalIndex.literals[found[slot]!]!.length;
      const leftBounded = allLeftBounded(entries);
      const positions = lists[slot]!.filter(
        (at) => (!leftBounded || leftBoundaryMayHold(this.text, at)) && firstWordMayEndAt(this.text, at + wordLength),
      );
      if (positions.length === 0) continue;
      for (const entry of entries) {
        const matcher = entry.matcher;
        for (const at of positions) {
          if (matcher) {
            const end = matcher.matchAt(this.text, at);
            if (end >= 0) hits.push(entry.id, at, end);
            if (end !== UNDECIDED) continue;
          } else if (!secondWordMayFollow(entry, lower, at)) continue;
          const regex = entry.regex;
          regex.lastIndex = at;
          // A sticky test leaves lastIndex at the match's end (a term never matches empty).
          if (regex.test(this.text)) hits.push(entry.id, at, regex.lastIndex);
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
