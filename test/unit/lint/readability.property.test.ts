import assert from 'node:assert/strict';
import fc from 'fast-check';
import { textStatistics } from '../../../src/core/lint/readability';

/** The regex form the character-code counter replaced: the two must agree on every text. */
function reference(text: string): { words: number; syllables: number } {
  const syllables = (word: string) => {
    const w = word.toLowerCase().replace(/[^a-z]/g, '');
    if (w.length === 0) return 0;
    if (w.length <= 3) return 1;
    const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
    const groups = trimmed.match(/[aeiouy]{1,2}/g);
    return Math.max(1, groups ? groups.length : 1);
  };
  let words = 0;
  let total = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
    words++;
    total += syllables(m[0]);
  }
  return { words, syllables: total };
}

const piece = fc.constantFrom(
  'the',
  'Lees',
  'yes',
  'Yellow',
  'cycle',
  'able',
  'tables',
  'ached',
  'queue',
  'rhythm',
  'don’t',
  "it's",
  'well-known',
  'co-amoxiclav',
  '-',
  '’',
  "'",
  ' ',
  '\n',
  '.',
  'İstanbul',
  'naïve',
  'ﬁne',
  'Ｋ',
  'ſome',
  '😀',
  '𝐀bc',
  '\ud800',
  '12',
  '3.5',
  '_',
  'beautiful',
  'AEIOUY',
  'eyes',
  'rated',
  'fled',
);

describe('readability counts (property-based)', () => {
  it('counts the words and syllables the regex form counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), {
          maxLength: 40,
        }),
        (parts) => {
          const text = parts.join('');
          const { words, syllables } = textStatistics(text, 1);
          assert.deepEqual({ words, syllables }, reference(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('counts a span of a text as that span alone', () => {
    const text = 'Before. The queue moved well-known tables. After.';
    const start = text.indexOf('The');
    const end = text.indexOf(' After');
    const span = textStatistics(text, 1, start, end);
    assert.deepEqual({ words: span.words, syllables: span.syllables }, reference(text.slice(start, end)));
  });
});
