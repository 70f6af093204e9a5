import type { LiteralIndex } from './literalIndex';

/**
 * A text as the matchers see it: its lower-cased form (same length, so offsets line up) and where each
 * literal occurs. With a library's literal index all literals are located in one pass; without one (short
 * texts such as a question or a sentence) each literal is searched for when asked.
 */
export class TextView {
  private lowerText: string | undefined;
  private positions: Map<string, number[]> | undefined;

  constructor(
    readonly text: string,
    private readonly index?: LiteralIndex,
  ) {}

  get lower(): string {
    return (this.lowerText ??= lowerCaseSameLength(this.text));
  }

  /** Offsets where the literal occurs in the lower-cased text. */
  positionsOf(literal: string): readonly number[] {
    const positions = (this.positions ??= this.index ? this.index.locate(this.lower) : new Map());
    let list = positions.get(literal);
    if (list) return list;
    list = [];
    if (!this.index) {
      for (let at = this.lower.indexOf(literal); at !== -1; at = this.lower.indexOf(literal, at + 1)) list.push(at);
    }
    positions.set(literal, list);
    return list;
  }

  /** Every literal of the index that occurs, with its offsets (empty without an index). */
  located(): ReadonlyMap<string, readonly number[]> {
    if (!this.index) return new Map();
    return (this.positions ??= this.index.locate(this.lower));
  }

  contains(literal: string): boolean {
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
