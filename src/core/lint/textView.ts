import type { LiteralIndex } from './literalIndex';
import { LiteralPositions } from './literalPositions';

const NONE: readonly number[] = [];

/**
 * A text as the matchers see it: its lower-cased form (same length, so offsets line up) and where each
 * literal occurs. With a library's literal index all literals are located in one pass; without one (short
 * texts such as a question or a sentence) each literal is searched for when asked.
 */
export class TextView {
  private lowerText: string | undefined;
  private located: LiteralPositions | undefined;
  private searched: Map<string, number[]> | undefined;
  private classPositions: Map<string, number[]> | undefined;

  constructor(
    readonly text: string,
    readonly index?: LiteralIndex,
  ) {}

  get lower(): string {
    return (this.lowerText ??= lowerCaseSameLength(this.text));
  }

  /** Offsets where the literal occurs in the lower-cased text, ascending. */
  positionsOf(literal: string): readonly number[] {
    if (this.index) {
      const id = this.index.idOf(literal);
      // A literal the index does not hold is never asked for by the library's own matchers.
      return id < 0 ? NONE : (this.literalPositions().of(id) ?? NONE);
    }
    const searched = (this.searched ??= new Map());
    let list = searched.get(literal);
    if (!list) {
      list = [];
      for (let at = this.lower.indexOf(literal); at !== -1; at = this.lower.indexOf(literal, at + 1)) list.push(at);
      searched.set(literal, list);
    }
    return list;
  }

  /** Every literal of the index that occurs, by its number in the index (nothing without an index). */
  literalPositions(): LiteralPositions {
    return (this.located ??= this.index ? this.index.scan(this.lower) : new LiteralPositions());
  }

  /** Offsets in the lower-cased text of the characters in a character class (`PatternPlan.startChars`), ascending. */
  positionsIn(charClass: string): readonly number[] {
    const known = (this.classPositions ??= new Map());
    let list = known.get(charClass);
    if (!list) {
      list = [];
      const search = new RegExp(charClass, 'g');
      for (let m = search.exec(this.lower); m; m = search.exec(this.lower)) list.push(m.index);
      known.set(charClass, list);
    }
    return list;
  }

  contains(literal: string): boolean {
    // Without an index, a search that stops at the first occurrence (a sentence may be long and tested often).
    if (!this.index)
      return this.searched?.get(literal) !== undefined
        ? this.positionsOf(literal).length > 0
        : this.lower.includes(literal);
    return this.positionsOf(literal).length > 0;
  }
}

/** Lower case that keeps every offset: characters whose lower case is longer (e.g. "İ") stay as they are. */
function lowerCaseSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let result = '';
  for (const char of text) {
    const low = char.toLowerCase();
    result += low.length === char.length ? low : char;
  }
  return result;
}
