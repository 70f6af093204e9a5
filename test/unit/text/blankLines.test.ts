import assert from 'node:assert/strict';
import fc from 'fast-check';
import { forEachBlankLine } from '../../../src/core/text/blankLines';

const blankLines = (text: string) => {
  const found: [number, number][] = [];
  forEachBlankLine(text, (start, end) => found.push([start, end]));
  return found;
};

describe('blank lines', () => {
  it('finds each blank line, spaces and tabs on it included', () => {
    assert.deepEqual(blankLines('Call 911.\n\nThen rest.\n \t\nDone\n'), [
      [9, 11],
      [21, 25],
    ]);
    assert.deepEqual(blankLines('\n\n\n'), [[0, 2]], 'a third line feed starts no second blank line');
    assert.deepEqual(blankLines('one\ntwo\r\n\r\nthree'), [], 'a carriage return is not a blank');
  });

  it('finds what /\\n[ \\t]*\\n/g finds (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('\n', ' ', '\t', '\r', 'a', '.') }), (text) => {
        const expected = [...text.matchAll(/\n[ \t]*\n/g)].map((m) => [m.index, m.index + m[0].length]);
        assert.deepEqual(blankLines(text), expected);
      }),
      { numRuns: 2000 },
    );
  });
});
