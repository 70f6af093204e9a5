import { CONTEXT_BITS } from '../concepts/contextScopes';
import type { Recognition } from '../concepts/recognise';
import type { QuotedSpans } from './quoteMarks';

// Negation and refutation are read by the same NegEx/ConText triggers as the recogniser (context.yaml).

/**
 * Whether a claim an `avoid` rule found is one the answer rejects rather than makes: negated ("natural does
 * not mean safe"), refuted or attributed in order to be refuted ("it is a myth that…", "some people claim…",
 * "… This is not true."), or quoted ("products sold as a “miracle cure”").
 */
export function isRejectedClaim(
  contextAt: ContextAt,
  text: string,
  quotes: QuotedSpans,
  start: number,
  end: number,
): boolean {
  const bits = contextAt(start, end);
  if ((bits & CONTEXT_BITS.refuted) !== 0 || quotes.isQuoted(start, end)) return true;
  // A negation reaches a claim only within its clause: "you have no symptoms, so you're probably okay" is
  // still the reassurance. (A negation inside the claim — "natural does not mean harmless" — is the
  // detector's to declare with `unlessSentence`: many claims carry their own "don't", "can't".)
  return (bits & CONTEXT_BITS.negated) !== 0 && NEGATION_IN_CLAUSE.test(clauseBefore(text, start));
}

const NEGATION_IN_CLAUSE =
  /(?:^|[^\p{L}])(?:no|not|never|nor|without|neither|cannot|avoid|stop|instead of|rather than|(?:do|does|did|is|are|was|were|wo|ca|could|should|would|have|has|had|must)n['’]?t)(?![\p{L}])/iu;

const CLAUSE_EDGES = [',', ';', ':', '.', '!', '?', '—', '–', '\n', '('];

/** The text from the start of the clause that holds `start` (a sentence or clause edge) up to it. */
function clauseBefore(text: string, start: number): string {
  const from = Math.max(0, start - 120);
  const before = text.slice(from, start);
  const edge = Math.max(-1, ...CLAUSE_EDGES.map((mark) => before.lastIndexOf(mark)));
  return before.slice(edge + 1);
}

/** The context bits (CONTEXT_BITS) of the first word of [start, end) of a text, 0 when the span has no word. */
export type ContextAt = (start: number, end: number) => number;

/** Context bits of the first word of [start, end), or 0 when the span has no word. */
export function contextBitsAt({ tokens, contextBits }: Recognition, start: number, end: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.end <= start) low = mid + 1;
    else high = mid;
  }
  return low < tokens.length && tokens[low]!.start < end ? contextBits[low]! : 0;
}
