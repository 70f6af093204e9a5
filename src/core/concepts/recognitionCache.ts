import type { ConceptLexicon } from './conceptLexicon';
import type { Recognition } from './recognise';

/**
 * The last few texts recognised (the question, the answer being typed): a keystroke in the answer does not
 * re-read the question. Owned by a compiled library, so each library has its own.
 */
export class RecognitionCache {
  private readonly entries = new Map<string, Recognition>();

  constructor(
    readonly lexicon: ConceptLexicon,
    private readonly size = 8,
  ) {}

  recognise(text: string): Recognition {
    let recognition = this.entries.get(text);
    if (recognition) {
      this.entries.delete(text);
    } else {
      recognition = this.lexicon.recognise(text);
      if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(text, recognition);
    return recognition;
  }
}
