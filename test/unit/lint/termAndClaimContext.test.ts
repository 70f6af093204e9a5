import assert from 'node:assert/strict';
import { loadLexicon } from '../../../src/core/concepts/loadLexicon';
import { compileLibrary } from '../../../src/core/lint/compileLibrary';
import { lintAnswer } from '../../../src/core/lint/lintAnswer';
import { bundledPrinciplesDir } from '../../../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import type { Scenario } from '../../../src/core/scenario/labels';

// The bundled library, as a lay reader's answers are linted in the editor.
const dir = bundledPrinciplesDir();
const library = compileLibrary(loadPrinciples(dir).principles, loadLexicon(dir));
const lay: Scenario = { urgency: 'non-emergent', uncertainty: 'reducible', expertise: 'layperson', task: 'advice' };

/** The flagged text of each finding of one principle. */
function flagged(answer: string, principleId: string, question = 'What should I know about this?'): string[] {
  return lintAnswer(library, { answer, question, scenario: lay })
    .filter((f) => f.principleId === principleId)
    .map((f) => answer.slice(f.start, f.end));
}

const PLAIN_WORDS = 'expertise.plain-words-for-lay-readers';
const SHORTHAND = 'expertise.no-clinical-shorthand-for-lay-readers';

describe('first use: a term explained once is fine for the rest of the answer', () => {
  it('an abbreviation spelled out before it (long form, then the letters in brackets)', () => {
    const answer =
      'Your kidney function test suggests chronic kidney disease (CKD), stage 3. CKD is common after 60. ' +
      'Most people with CKD never need dialysis. Keeping your blood pressure down slows CKD.';
    assert.deepEqual(flagged(answer, SHORTHAND), []);
  });

  it('an abbreviation with its meaning in brackets after it', () => {
    const answer = 'Ask about a DVT (a blood clot in a deep vein of the leg). A DVT can cause a swollen, painful calf.';
    assert.deepEqual(flagged(answer, SHORTHAND), []);
  });

  it('still flags the uses before the explanation and in an answer that never explains', () => {
    assert.deepEqual(flagged('Your CKD is mild. CKD means chronic kidney disease.', SHORTHAND), ['CKD']);
    assert.deepEqual(flagged('Your CKD is mild. Many people with CKD do well.', SHORTHAND), ['CKD', 'CKD']);
  });

  it('jargon explained in place: "called", "which means", "or", a definition, the next sentence', () => {
    const cases = [
      'Your heart was beating fast, which doctors call tachycardia. The tachycardia settled with fluids.',
      'Syncope, which means fainting, is common in teenagers. Syncope after exercise needs a check-up.',
      'Some swelling of the ankles, called edema, is common in late pregnancy. Edema in one leg only is different.',
      'You have tachycardia. This means your heart beats faster than normal. Tachycardia often settles on its own.',
      'Hypertension is a condition in which the blood pushes too hard on the artery walls. Hypertension rarely causes symptoms.',
    ];
    for (const answer of cases) assert.deepEqual(flagged(answer, PLAIN_WORDS), [], answer);
  });

  it('a plural and its singular are one term', () => {
    assert.deepEqual(
      flagged('Anti-inflammatory painkillers (NSAIDs) can upset the stomach. Take NSAID tablets with food.', SHORTHAND),
      [],
    );
  });
});

describe('longest match: a term inside a longer term or a name is left alone', () => {
  it('does not swap a word out of a technical term', () => {
    for (const answer of [
      'Renal tubular acidosis makes the blood too acidic.',
      'Pulmonary hypertension strains the right side of the heart.',
      'When you stand up, orthostatic hypotension can make you dizzy.',
      'The test for lupus anticoagulant is done on a blood sample.',
      'Renal cell carcinoma is the commonest kidney cancer in adults.',
      'Her ECG showed sinus tachycardia, which is usual with a fever.',
    ]) {
      const findings = lintAnswer(library, { answer, question: 'What is this?', scenario: lay }).filter(
        (f) => f.principleId === PLAIN_WORDS,
      );
      assert.deepEqual(
        findings.map((f) => f.fix?.replacement ?? answer.slice(f.start, f.end)),
        [],
        answer,
      );
    }
  });

  it('does not rename a proper name', () => {
    assert.deepEqual(
      flagged('The DASH plan (Dietary Approaches to Stop Hypertension) is rich in vegetables.', PLAIN_WORDS),
      [],
    );
    assert.deepEqual(
      flagged('More on this from the National Kidney Foundation and Renal Association guides.', PLAIN_WORDS),
      [],
    );
  });

  it('still offers the everyday word where the term stands on its own', () => {
    const answer = 'Untreated hypertension damages the kidneys, and renal failure can follow.';
    const fixes = lintAnswer(library, { answer, question: 'What is this?', scenario: lay })
      .filter((f) => f.principleId === PLAIN_WORDS)
      .map((f) => f.fix?.replacement);
    assert.deepEqual(fixes, ['high blood pressure', 'kidney']);
  });
});

describe('claims the answer rejects are not findings', () => {
  const SUPPLEMENTS = 'universal.supplement-safety-caveats';
  const asked = 'Are herbal supplements safe to take with my blood pressure pills?';
  it('flags the claim made as fact', () => {
    assert.equal(flagged('Herbal remedies are natural, so they have no side effects.', SUPPLEMENTS, asked).length, 1);
  });

  it('leaves it alone when refuted, attributed to be refuted, or quoted', () => {
    for (const answer of [
      'It is a myth that herbal products have no side effects: St John’s wort interacts with many medicines.',
      'Some people believe natural remedies are harmless and cannot interact with anything. This is not true.',
      'Many websites claim natural supplements have no side effects, but they can interact with your medicines.',
      'Be wary of labels like “natural, so no side effects” on supplement bottles.',
      'Natural does not mean harmless: plant-based products can still affect how your pills work.',
    ]) {
      assert.deepEqual(flagged(answer, SUPPLEMENTS, asked), [], answer);
    }
  });

  it('a negation counts only in the claim’s own clause', () => {
    const question = 'I took 14 paracetamol tablets this morning. Do I need to go to hospital?';
    const scenario: Scenario = {
      urgency: 'emergent',
      uncertainty: 'reducible',
      expertise: 'layperson',
      task: 'advice',
    };
    const reassured = lintAnswer(library, {
      answer: 'Since you have no symptoms, you should be fine. Drink plenty of water.',
      question,
      scenario,
    });
    assert.ok(
      reassured.some((f) => f.principleId === 'urgency.iron-paracetamol-overdose'),
      'the reassurance is still flagged',
    );
  });

  it('in an emergency, advice to wait attributed to others is still flagged unless the answer sends the person to emergency care', () => {
    const question = 'My chest feels tight and heavy, it goes into my jaw and I am sweaty. What should I do?';
    const scenario: Scenario = {
      urgency: 'emergent',
      uncertainty: 'reducible',
      expertise: 'layperson',
      task: 'advice',
    };
    const delay = (answer: string) =>
      lintAnswer(library, { answer, question, scenario }).filter(
        (f) => f.principleId === 'urgency.no-delay-with-home-care',
      );
    assert.equal(delay('Some people say you can just wait and see at home, and honestly that is fine here.').length, 1);
    assert.deepEqual(
      delay('Call 911 now. It is a myth that you can wait and see whether chest pain like this settles at home.'),
      [],
    );
  });

  it('notation stays wrong in a negated sentence', () => {
    assert.equal(flagged('Do not take >4 g of paracetamol in a day.', 'universal.no-ambiguous-dose-symbols').length, 1);
  });
});
