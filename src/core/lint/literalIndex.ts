import { LiteralPositions } from './literalPositions';

/**
 * Every literal the library looks for — the first word of each term, the required texts and match prefixes
 * of each pattern and answer condition — in one Aho–Corasick automaton, so a single pass over the
 * lower-cased text, one table step per character, tells where each occurs (overlapping and nested
 * occurrences included: "medicines" also places "medicine").
 *
 * The automaton is built on the first text located (most sessions of a library lint something, but a
 * `principles validate` run does not), as a dense transition table over the characters the literals use:
 * every other character leads to the same column.
 */
export class LiteralIndex {
  readonly literals: readonly string[];
  private readonly ids = new Map<string, number>();
  private automaton: Automaton | undefined;
  private scratch: (number[] | undefined)[] | undefined;

  constructor(literals: Iterable<string>) {
    this.literals = [...new Set(literals)]
      .filter((l) => l.length > 0)
      .sort((a, b) => b.length - a.length || a.localeCompare(b));
    this.literals.forEach((literal, id) => this.ids.set(literal, id));
  }

  /** The literal's number in `literals`, or -1 when the index does not hold it. */
  idOf(literal: string): number {
    return this.ids.get(literal) ?? -1;
  }

  /** Offsets of every literal occurrence in `lower` (overlapping ones included), by literal number. */
  scan(lower: string): LiteralPositions {
    const result = new LiteralPositions();
    if (this.literals.length === 0) return result;
    const { delta, columns, outputFlag, asciiColumn, otherColumn, outputStart, outputs, lengths } = (this.automaton ??=
      buildAutomaton(this.literals));
    const stateMask = outputFlag - 1;
    // Literal number → its list during this scan; reset before returning (scans never overlap).
    const lists = (this.scratch ??= new Array<number[] | undefined>(this.literals.length));
    let state = 0;
    for (let i = 0; i < lower.length; i++) {
      const code = lower.charCodeAt(i);
      const column = code < 128 ? asciiColumn[code]! : (otherColumn.get(code) ?? 0);
      const entry = delta[state * columns + column]!;
      state = entry & stateMask;
      if (entry < outputFlag) continue; // most steps end where no literal does: no output table read
      const first = outputStart[state]!;
      const last = outputStart[state + 1]!;
      for (let o = first; o < last; o++) {
        const id = outputs[o]!;
        const at = i + 1 - lengths[id]!;
        const list = lists[id];
        if (list) list.push(at);
        else lists[id] = result.addLiteral(id, at);
      }
    }
    for (const id of result.found) lists[id] = undefined;
    return result;
  }

  /** Offsets of every literal occurrence in `lower`, by literal. */
  locate(lower: string): Map<string, number[]> {
    const { found, lists } = this.scan(lower);
    return new Map(found.map((id, slot) => [this.literals[id]!, lists[slot]!]));
  }
}

interface Automaton {
  /**
   * Next state for (state, column): `delta[state * columns + column]`, with `outputFlag` added when a literal
   * ends in that state. 16-bit when the states fit (most libraries): half the memory a scan walks.
   */
  delta: Uint16Array | Uint32Array;
  columns: number;
  /** A power of two above every state number (it stays a small integer in either table). */
  outputFlag: number;
  asciiColumn: Uint16Array;
  otherColumn: Map<number, number>;
  /** The literals ending at a state (its own and those of its suffix states): `outputs[outputStart[s] … outputStart[s + 1])`. */
  outputStart: Uint32Array;
  outputs: Uint32Array;
  lengths: Uint32Array;
}

function buildAutomaton(literals: readonly string[]): Automaton {
  // Column 0 is every character no literal uses.
  const asciiColumn = new Uint16Array(128);
  const otherColumn = new Map<number, number>();
  let columns = 1;
  const columnOf = (code: number): number => {
    if (code < 128) return asciiColumn[code] || (asciiColumn[code] = columns++);
    let column = otherColumn.get(code);
    if (column === undefined) otherColumn.set(code, (column = columns++));
    return column;
  };
  // The trie, as sparse child maps first (the dense table needs the final state and column counts).
  const trieChildren: Map<number, number>[] = [new Map()];
  const trieEnds: number[][] = [[]];
  literals.forEach((literal, id) => {
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const column = columnOf(literal.charCodeAt(i));
      let next = trieChildren[state]!.get(column);
      if (next === undefined) {
        next = trieChildren.length;
        trieChildren.push(new Map());
        trieEnds.push([]);
        trieChildren[state]!.set(column, next);
      }
      state = next;
    }
    trieEnds[state]!.push(id);
  });
  const { children, ends } = breadthFirst(trieChildren, trieEnds);
  const states = children.length;
  const outputFlag = states <= 0x7fff ? 0x8000 : 0x20000000;
  const delta = outputFlag === 0x8000 ? new Uint16Array(states * columns) : new Uint32Array(states * columns);
  const fail = new Uint32Array(states);
  const outputLists: number[][] = new Array(states);
  outputLists[0] = ends[0]!;
  // Breadth first, so a state's failure state (a shorter suffix) is complete before the state itself.
  const queue: number[] = [];
  for (const [column, child] of children[0]!) {
    delta[column] = child;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const failRow = fail[state]! * columns;
    const row = state * columns;
    for (let column = 0; column < columns; column++) delta[row + column] = delta[failRow + column]!;
    outputLists[state] =
      ends[state]!.length > 0 ? [...ends[state]!, ...outputLists[fail[state]!]!] : outputLists[fail[state]!]!;
    for (const [column, child] of children[state]!) {
      fail[child] = delta[failRow + column]!;
      delta[row + column] = child;
      queue.push(child);
    }
  }
  const outputStart = new Uint32Array(states + 1);
  let total = 0;
  for (let s = 0; s < states; s++) {
    outputStart[s] = total;
    total += outputLists[s]!.length;
  }
  outputStart[states] = total;
  const outputs = new Uint32Array(total);
  for (let s = 0; s < states; s++) outputs.set(outputLists[s]!, outputStart[s]!);
  for (let at = 0; at < delta.length; at++) if (outputLists[delta[at]!]!.length > 0) delta[at]! |= outputFlag;
  return {
    delta,
    columns,
    outputFlag,
    asciiColumn,
    otherColumn,
    outputStart,
    outputs,
    lengths: Uint32Array.from(literals, (l) => l.length),
  };
}

/**
 * The trie's states renumbered breadth first. A scan spends most of its steps in the root and the shallow
 * states; numbered first, their rows of the transition table sit together at its start and stay in the
 * processor's cache, where the order literals were added in scattered them over a 1.4 MB table.
 */
function breadthFirst(children: Map<number, number>[], ends: number[][]) {
  const order = [0];
  for (let head = 0; head < order.length; head++)
    for (const child of children[order[head]!]!.values()) order.push(child);
  const renumbered = new Uint32Array(children.length);
  order.forEach((state, at) => (renumbered[state] = at));
  return {
    children: order.map(
      (state) => new Map(Array.from(children[state]!, ([column, child]) => [column, renumbered[child]!] as const)),
    ),
    ends: order.map((state) => ends[state]!),
  };
}
