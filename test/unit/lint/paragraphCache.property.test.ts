import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileLibrary } from '../../../src/core/lint/compileLibrary';
import { lintAnswer } from '../../../src/core/lint/lintAnswer';
import { bundledPrinciplesDir } from '../../../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import { scenario } from '../fixtureLibrary';

const library = compileLibrary(loadPrinciples(bundledPrinciplesDir()).principles);
const labels = scenario({ urgency: 'emergent', uncertainty: 'reducible', expertise: 'layperson', task: 'advice' });
const question = 'My 4 year old has a fever and my dad has crushing chest pain. Should I give aspirin?';

const piece = fc.constantFrom(
  'Give 5 cc q.d. now. ',
  'Hypertension is common. ',
  'This is a guaranteed cure! ',
  'Call 911 now. ',
  'Take 5.0 mg. ',
  'The addict relapsed. ',
  '\n\n',
  '\n',
  'It may possibly help. ',
  'Give the child aspirin. ',
  'Rest. ',
  'İstanbul ',
  '😀 ',
);

describe('paragraph cache (property-based)', () => {
  it('typing with a warm cache gives exactly the findings of a cold lint', function () {
    this.timeout(60000);
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), piece), { maxLength: 6 }),
        (parts, edits) => {
          let text = parts.join('');
          lintAnswer(library, { answer: text, question, scenario: labels });
          for (const [position, inserted] of edits) {
            const at = text.length === 0 ? 0 : position % text.length;
            text = text.slice(0, at) + inserted + text.slice(at);
            const warm = lintAnswer(library, { answer: text, question, scenario: labels });
            library.paragraphs.clear();
            const cold = lintAnswer(library, { answer: text, question, scenario: labels });
            assert.deepEqual(warm, cold);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
