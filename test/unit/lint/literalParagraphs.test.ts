import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LiteralIndex } from '../../../src/core/lint/literalIndex';
import { LiteralParagraphs } from '../../../src/core/lint/literalParagraphs';

const index = new LiteralIndex(['chest', 'pain', 'aspirin', 'call', '911']);

describe('LiteralParagraphs', () => {
  it('tells which paragraphs hold any of the literals, ascending, past 32 paragraphs too', () => {
    const paragraphs = Array.from({ length: 70 }, (_, i) =>
      i === 3 || i === 40 ? 'chest pain' : i === 69 ? 'call 911' : 'rest',
    );
    const byParagraph = new LiteralParagraphs(
      index,
      paragraphs.map((p) => index.scan(p)),
    );
    const id = (literal: string) => index.idOf(literal);
    assert.deepEqual(byParagraph.holdingAny(Int32Array.of(id('pain'))), [3, 40]);
    assert.deepEqual(byParagraph.holdingAny(Int32Array.of(id('911'), -1, id('chest'))), [3, 40, 69]);
    assert.deepEqual(byParagraph.holdingAny(Int32Array.of(id('aspirin'))), []);
    assert.equal(byParagraph.occurs(id('call')), true);
    assert.equal(byParagraph.occurs(id('aspirin')), false);
    assert.equal(byParagraph.occurs(-1), false, 'a literal the index lacks');
  });

  it('agrees with scanning each paragraph (property)', () => {
    const words = fc.constantFrom('chest', 'pain', 'aspirin', 'call', '911', 'rest', ' ');
    fc.assert(
      fc.property(
        fc.array(fc.array(words, { maxLength: 4 }), { maxLength: 80 }),
        fc.subarray(['chest', 'pain', 'aspirin', 'call', '911']),
        (paragraphWords, literals) => {
          const scans = paragraphWords.map((w) => index.scan(w.join(' ')));
          const ids = Int32Array.from(literals, (l) => index.idOf(l));
          const expected = scans.flatMap((scan, p) => (literals.some((l) => scan.has(index.idOf(l))) ? [p] : []));
          const byParagraph = new LiteralParagraphs(index, scans);
          assert.deepEqual(byParagraph.holdingAny(ids), expected);
          for (const l of literals)
            assert.equal(
              byParagraph.occurs(index.idOf(l)),
              scans.some((s) => s.has(index.idOf(l))),
            );
        },
      ),
    );
  });
});
