import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normaliseWord, tokenize } from '../../../src/core/concepts/tokens';
import { forEachWordSpan } from '../../../src/core/concepts/wordSpans';

// The edges as the tokenizer defines them, read with regexes from the text between two words: the oracle
// for the character-by-character reading it does for most gaps.
const SENTENCE_GAP = /[.!?;¿¡]|\n\s*\n|\n\s*(?:[-*+•>#]|\d+[.)])/;
const PARAGRAPH_GAP = /\n[ \t]*\n/;
const CLAUSE_GAP = /[,:()[\]—–]|\s-\s/;

function referenceEdges(text: string) {
  const edges: { sentence: number; paragraph: number; clauseBreak: boolean }[] = [];
  let [sentence, paragraph, previousEnd] = [0, 0, 0];
  forEachWordSpan(text, (start, end) => {
    const gap = text.slice(previousEnd, start);
    if (edges.length > 0 && SENTENCE_GAP.test(gap)) sentence++;
    if (edges.length > 0 && PARAGRAPH_GAP.test(gap)) paragraph++;
    edges.push({ sentence, paragraph, clauseBreak: CLAUSE_GAP.test(gap) });
    previousEnd = end;
  });
  return edges;
}

describe('tokenize', () => {
  it('marks sentence, paragraph and clause edges between words', () => {
    const tokens = tokenize('Chest pain, sweating. Call 911 - now!\n\n- Do not drive; wait.');
    const at = (word: string) => tokens.find((t) => t.word === word)!;
    assert.deepEqual(
      tokens.map((t) => t.word),
      ['chest', 'pain', 'sweating', 'call', '911', 'now', 'do', 'not', 'drive', 'wait'],
    );
    assert.equal(at('sweating').clauseBreak, true);
    assert.equal(at('call').sentence, 1);
    assert.equal(at('now').clauseBreak, true, '" - " is a clause edge');
    assert.equal(at('now').sentence, 1);
    assert.deepEqual([at('do').sentence, at('do').paragraph], [2, 1]);
    assert.deepEqual([at('wait').sentence, at('wait').clauseBreak], [3, false]);
    assert.equal(at('911').value, 911);
  });

  it('reads every gap as the edge regexes do (property)', () => {
    const piece = fc.constantFrom(
      ...['pain', 'Fever', '38.5', 'can’t', 'é', ' ', '  ', '\n', '\n\n', '\n \n', '\n- ', '\n1. ', '\n#'],
      ...['.', ',', ';', ':', '!', '?', '¿', '(', ')', '[', '—', '–', '-', ' - ', '\t', '\r', '•', '>', '*'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(
          tokenize(text).map(({ sentence, paragraph, clauseBreak }) => ({ sentence, paragraph, clauseBreak })),
          referenceEdges(text),
          JSON.stringify(text),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('normalises words: lower case, accents folded, apostrophes dropped', () => {
    assert.equal(normaliseWord('ASPIRIN'), 'aspirin');
    assert.equal(normaliseWord('Opresión'), 'opresion');
    assert.equal(normaliseWord('can’t'), 'cant');
    assert.equal(normaliseWord('\u212Aidney'), 'kidney', 'the Kelvin sign lower-cases to "k"');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."aZ09é\u0301’'İK_ -") }), (word) => {
        const lower = word.toLowerCase();
        const expected = /^[a-z0-9]*$/.test(lower)
          ? lower
          : lower
              .normalize('NFD')
              .replace(/\p{M}+/gu, '')
              .replace(/['’ʼ]/g, '');
        assert.equal(normaliseWord(word), expected);
      }),
    );
  });
});
