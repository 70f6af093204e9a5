import type { ContextKind } from './conceptSchema';
import type { PhraseHit } from './phraseTrie';
import type { Token } from './tokens';

/**
 * What a trigger phrase does: mark the words after it (`before` triggers), before it (`after`), or the whole
 * sentence before the one it opens (`previous-sentence`: "Natural means safe. This is a myth.").
 */
export interface TriggerPayload {
  role: 'trigger' | 'pseudo' | 'terminate';
  kind?: ContextKind;
  direction?: 'before' | 'after' | 'previous-sentence';
  /** The scope ends at a clause edge (a comma, colon or dash). */
  clause?: boolean;
}

export const CONTEXT_BITS: Record<ContextKind, number> = {
  negated: 1,
  hypothetical: 2,
  historical: 4,
  'other-person': 8,
  refuted: 16,
};

/** Words a trigger covers at most (NegEx uses five; hypotheticals run to the end of their clause). */
const FORWARD_SCOPE: Record<ContextKind, number> = {
  negated: 5,
  hypothetical: 12,
  historical: 8,
  'other-person': 8,
  refuted: 40,
};
/** A refuted claim runs to the edge of its sentence ("the idea that natural means safe, is a myth"). */
const BACKWARD_SCOPE: Record<ContextKind, number> = {
  negated: 6,
  hypothetical: 6,
  historical: 6,
  'other-person': 6,
  refuted: 40,
};

/**
 * For each token, the context bits of the triggers whose scope covers it. A scope stops at the end of the
 * sentence and at a terminator ("but", "now"); a hypothetical also stops at a clause edge ("If you have chest
 * pain, call 911": the call is not hypothetical). Triggers inside a pseudo-trigger phrase ("not only") do not count.
 */
export function contextScopes(
  tokens: readonly Token[],
  hits: readonly PhraseHit[],
  payloads: readonly TriggerPayload[],
): Uint8Array {
  const bits = new Uint8Array(tokens.length);
  const terminator = new Uint8Array(tokens.length);
  // For each token, how far the pseudo-trigger phrases covering it reach: a trigger lying wholly inside one is void.
  const pseudoEnd = new Int32Array(tokens.length);
  for (const hit of hits) {
    const payload = payloads[hit.payload]!;
    if (payload.role === 'terminate') terminator[hit.startToken] = 1;
    if (payload.role === 'pseudo')
      for (let t = hit.startToken; t < hit.endToken; t++) pseudoEnd[t] = Math.max(pseudoEnd[t]!, hit.endToken);
  }
  for (const hit of hits) {
    const payload = payloads[hit.payload]!;
    if (payload.role !== 'trigger' || pseudoEnd[hit.startToken]! >= hit.endToken) continue;
    const kind = payload.kind!;
    const bit = CONTEXT_BITS[kind];
    const sentence = tokens[hit.startToken]!.sentence;
    if (payload.direction === 'previous-sentence') {
      const opensSentence = hit.startToken === 0 || tokens[hit.startToken - 1]!.sentence !== sentence;
      if (!opensSentence) continue;
      for (let t = hit.startToken - 1; t >= 0 && tokens[t]!.sentence === sentence - 1; t--) bits[t]! |= bit;
    } else if (payload.direction === 'before') {
      // "If it gets worse, call 911": a sentence that opens with a condition is conditional to its end.
      const opensSentence = hit.startToken === 0 || tokens[hit.startToken - 1]!.sentence !== sentence;
      const wholeSentence = kind === 'hypothetical' && opensSentence;
      const limit = wholeSentence ? tokens.length : Math.min(tokens.length, hit.endToken + FORWARD_SCOPE[kind]);
      for (let t = hit.endToken; t < limit; t++) {
        const token = tokens[t]!;
        if (token.sentence !== sentence || terminator[t]) break;
        if ((kind === 'hypothetical' || payload.clause) && !wholeSentence && t > hit.endToken && token.clauseBreak)
          break;
        bits[t]! |= bit;
      }
    } else {
      const limit = Math.max(0, hit.startToken - BACKWARD_SCOPE[kind]);
      for (let t = hit.startToken - 1; t >= limit; t--) {
        const token = tokens[t]!;
        if (token.sentence !== sentence || terminator[t]) break;
        bits[t]! |= bit;
        if (token.clauseBreak && kind !== 'refuted') break;
      }
    }
  }
  return bits;
}
