import type { ConceptLexicon } from './conceptLexicon';
import { addVotes, decideLanguage } from './detectLanguage';
import type { Recognition } from './recognise';
import { forEachBlankLine } from '../text/blankLines';

/** Where each blank line begins: the answer is recognised paragraph by paragraph, split there. */
function paragraphBreaks(text: string): number[] {
  const breaks: number[] = [];
  forEachBlankLine(text, (start) => breaks.push(start));
  return breaks;
}

/**
 * The last few texts recognised (the question, the answer being typed), and the answer's paragraphs one by
 * one: a keystroke re-reads only the paragraph it changed. Owned by a compiled library, so each library has
 * its own.
 */
export class RecognitionCache {
  private readonly entries = new Map<string, Recognition>();
  private readonly paragraphs = new Map<string, Recognition>();
  /** The last text `paragraphAt` split, and where its paragraphs start. */
  private splitText: string | undefined;
  private splitStarts: number[] = [];
  private splitRecognitions: (Recognition | undefined)[] = [];

  constructor(
    readonly lexicon: ConceptLexicon,
    private readonly size = 8,
    private readonly paragraphSize = 512,
  ) {}

  recognise(text: string): Recognition {
    return remember(this.entries, text, this.size, () => this.lexicon.recognise(text));
  }

  /** A long text (an answer) recognised paragraph by paragraph; context never crosses a blank line anyway. */
  recogniseByParagraph(text: string): Recognition {
    return remember(this.entries, text, this.size, () => this.combine(text));
  }

  /**
   * The paragraph of `text` (as `recogniseByParagraph` splits it) that holds `offset`, recognised on its own,
   * with where it starts: reading the context of one place does not read every paragraph of the answer.
   */
  paragraphAt(text: string, offset: number): { start: number; recognition: Recognition } {
    if (this.splitText !== text) {
      this.splitText = text;
      this.splitStarts = [0, ...paragraphBreaks(text)];
      this.splitRecognitions = [];
    }
    const starts = this.splitStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    const start = starts[low]!;
    // Kept by number as well: many hits in one long paragraph must not hash its text again each time.
    const recognition = (this.splitRecognitions[low] ??= this.paragraph(
      text.slice(start, starts[low + 1] ?? text.length),
    ));
    return { start, recognition };
  }

  private paragraph(slice: string): Recognition {
    return remember(this.paragraphs, slice, this.paragraphSize, () => this.lexicon.recognise(slice));
  }

  private combine(text: string): Recognition {
    const parts: { start: number; recognition: Recognition }[] = [];
    let start = 0;
    const add = (end: number) => {
      const slice = text.slice(start, end);
      parts.push({ start, recognition: this.paragraph(slice) });
    };
    for (const gap of paragraphBreaks(text)) {
      add(gap);
      start = gap;
    }
    add(text.length);
    let tokenCount = 0;
    for (const { recognition } of parts) tokenCount += recognition.tokens.length;
    // Mentions (found in each paragraph when first read), tokens and context bits are built on demand: a
    // keystroke copies nothing, and a lint that reads only context never finds the mentions.
    let mentions: Recognition['mentions'] | undefined;
    let tokens: Recognition['tokens'] | undefined;
    let contextBits: Uint8Array | undefined;
    const languageVotes = addVotes(parts.map((p) => p.recognition.languageVotes));
    return {
      text,
      get mentions() {
        if (!mentions) {
          mentions = [];
          let before = 0;
          for (const { start: offset, recognition } of parts) {
            for (const m of recognition.mentions) {
              mentions.push({
                ...m,
                start: m.start + offset,
                end: m.end + offset,
                startToken: m.startToken + before,
                endToken: m.endToken + before,
              });
            }
            before += recognition.tokens.length;
          }
        }
        return mentions;
      },
      languageVotes,
      language: decideLanguage(languageVotes),
      get tokens() {
        if (!tokens) {
          tokens = [];
          let sentences = 0;
          parts.forEach(({ start: offset, recognition }, paragraph) => {
            for (const t of recognition.tokens)
              tokens!.push({
                ...t,
                start: t.start + offset,
                end: t.end + offset,
                sentence: t.sentence + sentences,
                paragraph,
              });
            sentences += (recognition.tokens.at(-1)?.sentence ?? -1) + 1;
          });
        }
        return tokens;
      },
      get contextBits() {
        if (!contextBits) {
          contextBits = new Uint8Array(tokenCount);
          let at = 0;
          for (const { recognition } of parts) {
            contextBits.set(recognition.contextBits, at);
            at += recognition.contextBits.length;
          }
        }
        return contextBits;
      },
    };
  }
}

function remember(cache: Map<string, Recognition>, key: string, size: number, make: () => Recognition): Recognition {
  let value = cache.get(key);
  if (value) {
    cache.delete(key);
  } else {
    value = make();
    if (cache.size >= size) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, value);
  return value;
}
