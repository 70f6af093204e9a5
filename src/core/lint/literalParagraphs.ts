import type { LiteralIndex } from './literalIndex';
import type { LiteralPositions } from './literalPositions';

/**
 * Which paragraphs of one answer hold each literal of the library's index, as a bit set per literal (one
 * 32-bit word per 32 paragraphs), filled in one pass over the paragraphs' literal scans. A regex then skips
 * the whole answer when none of its literals occurs, and otherwise visits only the paragraphs holding one.
 * Built for every lint, so it is a flat typed array, not a map of lists: a keystroke pays a few microseconds.
 */
export class LiteralParagraphs {
  private readonly words: number;
  private readonly bits: Uint32Array;

  constructor(
    readonly index: LiteralIndex,
    paragraphs: readonly LiteralPositions[],
  ) {
    const words = (this.words = Math.max(1, Math.ceil(paragraphs.length / 32)));
    const bits = (this.bits = new Uint32Array(index.literals.length * words));
    paragraphs.forEach(({ found }, paragraph) => {
      const word = paragraph >>> 5;
      const bit = 1 << (paragraph & 31);
      for (let i = 0; i < found.length; i++) bits[found[i]! * words + word]! |= bit;
    });
  }

  /** Whether literal `id` occurs in some paragraph (false for -1, a literal the index lacks). */
  occurs(id: number): boolean {
    if (id < 0) return false;
    for (let w = 0, at = id * this.words; w < this.words; w++, at++) if (this.bits[at] !== 0) return true;
    return false;
  }

  /** The paragraphs (numbers, ascending) holding at least one of the literals; ids of -1 are skipped. */
  holdingAny(ids: Int32Array): number[] {
    const paragraphs: number[] = [];
    for (let w = 0; w < this.words; w++) {
      let union = 0;
      for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) union |= this.bits[ids[i]! * this.words + w]!;
      for (; union !== 0; union &= union - 1) paragraphs.push(w * 32 + (31 - Math.clz32(union & -union)));
    }
    return paragraphs;
  }
}
