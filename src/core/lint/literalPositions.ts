/**
 * Where the literals of an index occur in one text: the few that occur, in the order first seen, each with
 * its ascending offsets, and a small hash table from literal number to slot. An index holds ~1,500
 * literals and a paragraph contains a few dozen, so an array by literal number per paragraph would be
 * mostly holes (and garbage to collect).
 */
export class LiteralPositions {
  /** Literal numbers that occur, in the order first seen. */
  readonly found: number[] = [];
  /** Offsets of `found[i]`, ascending. */
  readonly lists: number[][] = [];
  private table: Int32Array | undefined;
  private mask = 0;

  /** Called by the scan only, each number once. */
  addLiteral(id: number, first: number): number[] {
    const list = [first];
    this.found.push(id);
    this.lists.push(list);
    return list;
  }

  /** Offsets of literal `id`, or undefined when it does not occur. */
  of(id: number): number[] | undefined {
    const found = this.found;
    if (found.length < 8) {
      for (let i = 0; i < found.length; i++) if (found[i] === id) return this.lists[i];
      return undefined;
    }
    const table = (this.table ??= this.buildTable());
    for (let h = hash(id) & this.mask; ; h = (h + 1) & this.mask) {
      const slot = table[h]!;
      if (slot === 0) return undefined;
      if (found[slot - 1] === id) return this.lists[slot - 1];
    }
  }

  has(id: number): boolean {
    return this.of(id) !== undefined;
  }

  /** Open addressing, at most half full: slot + 1 by hashed literal number (0 = empty). */
  private buildTable(): Int32Array {
    let size = 16;
    while (size < this.found.length * 2) size *= 2;
    const table = new Int32Array(size);
    this.mask = size - 1;
    this.found.forEach((id, slot) => {
      let h = hash(id) & this.mask;
      while (table[h] !== 0) h = (h + 1) & this.mask;
      table[h] = slot + 1;
    });
    return table;
  }
}

function hash(id: number): number {
  return Math.imul(id, 0x9e3779b1) >>> 16;
}
