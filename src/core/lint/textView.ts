import type { LiteralIndex } from './literalIndex';
import { spanIndexAt, splitParagraphs, type Span } from './sentences';

/**
 * One text as the matchers see it, computed lazily and shared by every detector of one lint run: its
 * lower-cased form (same length, so offsets line up), its paragraphs, and where each literal occurs. With a
 * library's literal index all literals are located in one pass; without one (short texts) each is searched.
 */
export class TextView {
  private lowerText: string | undefined;
  private paragraphSpans: Span[] | undefined;
  private positions: Map<string, number[]> | undefined;
  private readonly windowCache = new Map<string, Span[]>();

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

  contains(literal: string): boolean {
    return this.positionsOf(literal).length > 0;
  }

  /** The paragraphs where any of the literals occurs, sorted and merged. */
  windows(literals: readonly string[]): Span[] {
    const key = literals.join('\u0000');
    const cached = this.windowCache.get(key);
    if (cached) return cached;
    const paragraphs = (this.paragraphSpans ??= paragraphsCovering(this.text));
    const indexes = new Set<number>();
    for (const literal of literals) for (const at of this.positionsOf(literal)) indexes.add(spanIndexAt(paragraphs, at));
    const merged: Span[] = [];
    for (const i of [...indexes].sort((a, b) => a - b)) {
      const span = paragraphs[i]!;
      const last = merged[merged.length - 1];
      if (last && last.end === span.start) last.end = span.end;
      else merged.push({ ...span });
    }
    this.windowCache.set(key, merged);
    return merged;
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

/** Paragraph spans that together cover every character (a blank-line gap belongs to the next paragraph). */
function paragraphsCovering(text: string): Span[] {
  const paragraphs = splitParagraphs(text);
  if (paragraphs.length === 0) return [{ start: 0, end: text.length }];
  return paragraphs.map((p, i) => ({ start: i === 0 ? 0 : paragraphs[i - 1]!.end, end: i === paragraphs.length - 1 ? text.length : p.end }));
}
