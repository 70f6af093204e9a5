import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LiteralIndex } from '../../../src/core/lint/literalIndex';

describe('literal index', () => {
  it('finds every occurrence of every literal, as a search per literal does', () => {
    const literals = ['ab', 'b', 'abc', 'ca', 'aa', 'bcab', 'x'];
    const index = new LiteralIndex(literals);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'x', 'é'), maxLength: 60 }), (text) => {
        const positions = index.scan(text);
        for (const literal of index.literals) {
          const expected: number[] = [];
          for (let at = text.indexOf(literal); at !== -1; at = text.indexOf(literal, at + 1)) expected.push(at);
          const id = index.idOf(literal);
          assert.deepEqual(positions.of(id) ?? [], expected, literal);
          assert.equal(positions.has(id), expected.length > 0);
        }
        assert.equal(positions.of(-1), undefined);
      }),
      { numRuns: 500 },
    );
  });

  it('looks literals up by number when many occur in one text', () => {
    const literals = Array.from({ length: 300 }, (_, i) => `w${i}z`);
    const index = new LiteralIndex(literals);
    const text = literals.filter((_, i) => i % 3 === 0).join(' ');
    const positions = index.scan(text);
    for (const literal of literals) {
      const at = text.indexOf(literal);
      assert.deepEqual(positions.of(index.idOf(literal)), at === -1 ? undefined : [at]);
    }
  });

  it('finds them too when the states outgrow a 16-bit table (over 32,767)', () => {
    // 9,000 ten-letter literals share few prefixes: about 45,000 states.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const literals = Array.from({ length: 9000 }, () =>
      Array.from({ length: 10 }, () => letters[Math.floor((next() / 2 ** 31) * letters.length)]).join(''),
    );
    const index = new LiteralIndex(literals);
    const text = literals.filter((_, i) => i % 97 === 0).join(' x ') + ' ' + literals[1]!.slice(0, 5);
    const positions = index.scan(text);
    for (const literal of new Set(literals)) {
      const expected: number[] = [];
      for (let at = text.indexOf(literal); at !== -1; at = text.indexOf(literal, at + 1)) expected.push(at);
      assert.deepEqual(positions.of(index.idOf(literal)) ?? [], expected, literal);
    }
  });
});
