import assert from 'node:assert/strict';
import fc from 'fast-check';
import { forEachWordSpan, WORD } from '../../../src/core/concepts/wordSpans';

const spans = (text: string) => {
  const found: number[] = [];
  forEachWordSpan(text, (start, end) => void found.push(start, end));
  return found;
};
const regexSpans = (text: string) => [...text.matchAll(WORD)].flatMap((m) => [m.index, m.index + m[0].length]);

describe('word spans', () => {
  it('are exactly the regex’s matches (property, ASCII and the characters that change the answer)', () => {
    const piece = fc.constantFrom(
      ...['a', 'Z', 'can', 't', '5', '10', '3', ' ', '.', ',', "'", '-', '_', '!', '\n', '(', '1,000', '38.6'],
      ...['’', 'ʼ', 'é', '\u0301', '²', '٣', 'ñ', '—', '😀', '𝐀', '\ud800', 'İ', 'µ', '½', '\u00a0'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(spans(text), regexSpans(text), JSON.stringify(text));
      }),
      { numRuns: 20000 },
    );
  });

  it('read words, numbers and contractions as the recogniser expects', () => {
    const text = "Take 1,000.5 mg; don't wait — can’t breathe? 38,6 °C";
    assert.deepEqual(spans(text), regexSpans(text));
    assert.deepEqual(
      spans(text).reduce<string[]>((words, at, i, all) => (i % 2 ? words : [...words, text.slice(at, all[i + 1])]), []),
      ['Take', '1,000.5', 'mg', "don't", 'wait', 'can’t', 'breathe', '38,6', 'C'],
    );
  });
});
