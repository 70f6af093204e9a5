import { escapeRegExp } from './termPattern';

/**
 * Every literal the library looks for — the first word of each term, the required texts of each pattern
 * and answer condition — in one alternation, so a single pass over the lower-cased answer tells where each
 * occurs. Longest literals come first; a match also locates every literal inside it ("medicines" places
 * "medicine"), and the scan moves on one character at a time so overlapping literals are all found.
 */
export class LiteralIndex {
  private readonly regex: RegExp | undefined;
  private readonly literals: string[];
  /** For each literal seen in a text: the literals it contains (itself included) and where. Filled lazily. */
  private readonly inner = new Map<string, { literal: string; offset: number }[]>();

  constructor(literals: Iterable<string>) {
    this.literals = [...new Set(literals)].filter((l) => l.length > 0).sort((a, b) => b.length - a.length || a.localeCompare(b));
    this.regex = this.literals.length > 0 ? new RegExp(this.literals.map(escapeRegExp).join('|'), 'g') : undefined;
  }

  private innerOf(outer: string): { literal: string; offset: number }[] {
    let found = this.inner.get(outer);
    if (!found) {
      found = [];
      for (const literal of this.literals) {
        if (literal.length > outer.length) continue;
        for (let at = outer.indexOf(literal); at !== -1; at = outer.indexOf(literal, at + 1)) found.push({ literal, offset: at });
      }
      this.inner.set(outer, found);
    }
    return found;
  }

  /** Offsets of every literal occurrence in `lower`, by literal. */
  locate(lower: string): Map<string, number[]> {
    const positions = new Map<string, number[]>();
    const regex = this.regex;
    if (!regex) return positions;
    regex.lastIndex = 0;
    for (let match = regex.exec(lower); match; match = regex.exec(lower)) {
      for (const { literal, offset } of this.innerOf(match[0])) {
        const list = positions.get(literal);
        if (list) list.push(match.index + offset);
        else positions.set(literal, [match.index + offset]);
      }
      regex.lastIndex = match.index + 1;
    }
    // An inner literal is found again by the later matches that overlap it: sort and drop repeats.
    for (const [literal, list] of positions) {
      list.sort((a, b) => a - b);
      positions.set(literal, list.filter((at, i) => i === 0 || at !== list[i - 1]));
    }
    return positions;
  }
}
