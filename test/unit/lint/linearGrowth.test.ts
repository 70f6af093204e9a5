import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { loadLexicon } from '../../../src/core/concepts/loadLexicon';
import { compileLibrary } from '../../../src/core/lint/compileLibrary';
import { lintAnswer } from '../../../src/core/lint/lintAnswer';
import { splitSentences } from '../../../src/core/lint/sentences';
import { bundledPrinciplesDir } from '../../../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import type { Scenario } from '../../../src/core/scenario/labels';

// Shapes that once took quadratic time (issue 13): one endless sentence full of findings (each finding
// re-read its sentence and its line), many short sentences full of findings, and long blocks of sentences
// (V8's sentence segmenter costs the whole string's length per step). Time is compared between sizes n and
// 4n in one process, so a slow machine does not matter: linear is ×4, quadratic ×16; the bound, ×12, leaves
// room for a busy one.
const dir = bundledPrinciplesDir();
const library = compileLibrary(loadPrinciples(dir).principles, loadLexicon(dir));
const lay: Scenario = { urgency: 'emergent', uncertainty: 'reducible', expertise: 'layperson', task: 'advice' };
const question = 'My father has chest pain. Should I give him aspirin?';
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

let runs = 0;

/** The fastest of five runs, in ms (the others absorb garbage collection and other processes). */
function fastest(run: (salt: string) => void): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const salt = `${runs++} `; // a text not seen before: no cached paragraph or recognition
    const start = performance.now();
    run(salt);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Time at 4n ÷ time at n, with both times for the message. */
function growth(run: (size: number, salt: string) => void, size: number): { ratio: number; says: string } {
  run(size, ''); // warm-up: compiled regexes, the literal automaton, the lexicon's phrase index
  const small = fastest((salt) => run(size, salt));
  const large = fastest((salt) => run(4 * size, salt));
  return { ratio: large / small, says: `${Math.round(small)} ms → ${Math.round(large)} ms for 4× the text` };
}

const lint = (unit: string) => (size: number, salt: string) => {
  library.paragraphs.clear();
  lintAnswer(library, { answer: salt + fill(unit, size), question, scenario: lay });
};

describe('lint time grows linearly with the input, whatever its shape', function () {
  this.timeout(120_000);

  it('one endless sentence full of findings', () => {
    const { ratio, says } = growth(lint('hypertension q.d. addict guaranteed cure 5.0 mg '), 50_000);
    assert.ok(ratio < 12, says);
  });

  it('many short sentences full of findings', () => {
    const { ratio, says } = growth(lint('Take 10 IU q.d. with food. "Take q.d." '), 50_000);
    assert.ok(ratio < 12, says);
  });

  it('sentences of one long block', () => {
    const { ratio, says } = growth((size, salt) => splitSentences(salt + fill('Call the doctor now. ', size)), 50_000);
    assert.ok(ratio < 12, says);
  });

  it('sentences of a long block split in windows are those of one segmenter call', () => {
    // Breaks a window could move: a full stop whose look-ahead for a lower-case letter runs far.
    const text = (
      'Dr. Smith said 1.5 mg. ' +
      '1 2 3 '.repeat(300) +
      'etc. and then. ' +
      '. '.repeat(700) +
      'What? No! "Yes." (Maybe.) '
    ).repeat(30);
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    const whole = [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
    assert.deepEqual(
      splitSentences(text).map((s) => text.slice(s.start, s.end)),
      whole,
    );
  });
});
