import type { ConceptLexicon } from './conceptLexicon';
import { detectLanguage } from './detectLanguage';
import type { Recognition } from './recognise';

const PARAGRAPH_BREAK = /\n[ \t]*\n/g;

/**
 * The last few texts recognised (the question, the answer being typed), and the answer's paragraphs one by
 * one: a keystroke re-reads only the paragraph it changed. Owned by a compiled library, so each library has
 * its own.
 */
export class RecognitionCache {
  private readonly entries = new Map<string, Recognition>();
  private readonly paragraphs = new Map<string, Recognition>();

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

  private combine(text: string): Recognition {
    const result: Recognition = { text, tokens: [], mentions: [], language: 'unknown', contextBits: new Uint8Array(0) };
    const bits: Uint8Array[] = [];
    let start = 0;
    let sentences = 0;
    const add = (end: number) => {
      const slice = text.slice(start, end);
      const part = remember(this.paragraphs, slice, this.paragraphSize, () => this.lexicon.recognise(slice));
      const tokenOffset = result.tokens.length;
      const paragraph = bits.length;
      for (const token of part.tokens) result.tokens.push({ ...token, start: token.start + start, end: token.end + start, sentence: token.sentence + sentences, paragraph });
      for (const m of part.mentions) {
        result.mentions.push({ ...m, start: m.start + start, end: m.end + start, startToken: m.startToken + tokenOffset, endToken: m.endToken + tokenOffset });
      }
      bits.push(part.contextBits);
      sentences += (part.tokens.at(-1)?.sentence ?? -1) + 1;
    };
    for (const gap of text.matchAll(PARAGRAPH_BREAK)) {
      add(gap.index);
      start = gap.index;
    }
    add(text.length);
    result.contextBits = new Uint8Array(result.tokens.length);
    let offset = 0;
    for (const part of bits) {
      result.contextBits.set(part, offset);
      offset += part.length;
    }
    result.language = detectLanguage(result.tokens);
    return result;
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
