import assert from 'node:assert/strict';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import { bundledPrinciplesDir } from '../../../src/core/principles/bundledLibrary';
import { checkExamples } from '../../../src/core/lint/checkExamples';

const library = loadPrinciples(bundledPrinciplesDir());

describe('principle library (bundled)', () => {
  it('loads without problems', () => {
    assert.deepEqual(
      library.problems.map((p) => `${p.file}:${p.line + 1}:${p.column + 1}: ${p.message}`),
      [],
    );
    assert.ok(library.principles.length > 0);
  });

  for (const principle of library.principles) {
    it(`${principle.id}: examples agree with its detectors`, () => {
      const failures = checkExamples(principle);
      assert.deepEqual(failures.map((f) => `example ${f.exampleIndex + 1}: ${f.message}`), []);
    });
  }
});
