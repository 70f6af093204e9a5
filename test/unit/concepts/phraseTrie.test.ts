import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PhraseTrie } from '../../../src/core/concepts/phraseTrie';
import { compileTerm, type TermSequence, type TermStep } from '../../../src/core/concepts/termPattern';
import { tokenize, type Token } from '../../../src/core/concepts/tokens';

/** Every phrase checked at every token, step by step: what the index must find, however it is organised. */
function naiveHits(phrases: { sequence: TermSequence; payload: number }[], tokens: Token[]): string[] {
  const stepMatches = (step: TermStep, token: Token) =>
    step.kind === 'any' ||
    (step.kind === 'number'
      ? !Number.isNaN(token.value) && token.value >= step.min && token.value <= step.max
      : step.words.includes(token.word) || step.prefixes.some((p) => token.word.startsWith(p)));
  const hits: string[] = [];
  for (let start = 0; start < tokens.length; start++)
    for (const { sequence, payload } of phrases) {
      const { steps } = sequence;
      if (start + steps.length <= tokens.length && steps.every((step, i) => stepMatches(step, tokens[start + i]!)))
        hits.push(`${payload}@${start}-${start + steps.length}`);
    }
  return hits.sort();
}

describe('PhraseTrie', () => {
  // Many phrases begin with "a" or "not", so the index splits them by their second word.
  const term = fc
    .tuple(
      fc.constantFrom('a', 'not', 'chest', 'a|not'),
      fc.array(fc.constantFrom('tight', 'pain', 'chest|arm', 'heav*', '_', '#1-10', 'a', 'not', 'pain?'), {
        maxLength: 3,
      }),
    )
    .map(([first, rest]) => [first, ...rest].join(' '));
  const word = fc.constantFrom('a', 'not', 'tight', 'pain', 'chest', 'arm', 'heavy', 'heaviness', '5', '12', 'the');

  it('finds exactly the hits of checking every phrase at every token (property)', () => {
    fc.assert(
      fc.property(
        fc.array(term, { minLength: 1, maxLength: 24 }),
        fc.array(word, { maxLength: 14 }),
        (terms, words) => {
          const trie = new PhraseTrie();
          const phrases: { sequence: TermSequence; payload: number }[] = [];
          terms.forEach((t, payload) => {
            const sequences = compileTerm(t);
            assert.ok(Array.isArray(sequences), `${t}: ${String(sequences)}`);
            for (const sequence of sequences) {
              trie.add(sequence, payload);
              phrases.push({ sequence, payload });
            }
          });
          const tokens = tokenize(words.join(' '));
          const found = trie.match(tokens).map((h) => `${h.payload}@${h.startToken}-${h.endToken}`);
          assert.deepEqual(found.sort(), naiveHits(phrases, tokens));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('keeps finding phrases added after a first match', () => {
    const trie = new PhraseTrie();
    const add = (t: string, payload: number) => (compileTerm(t) as TermSequence[]).forEach((s) => trie.add(s, payload));
    for (let i = 0; i < 8; i++) add(`a word${i}`, i);
    assert.deepEqual(
      trie.match(tokenize('a word3')).map((h) => h.payload),
      [3],
    );
    add('a tight', 99);
    assert.deepEqual(
      trie.match(tokenize('a tight')).map((h) => h.payload),
      [99],
    );
  });
});
