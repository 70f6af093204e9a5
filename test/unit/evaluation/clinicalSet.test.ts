import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  clinicalAnswerSchema,
  clinicalQuestionSchema,
  parseClinicalSet,
} from '../../../src/core/evaluation/clinicalSet';
import { evaluateAnswers, evaluateQuestions } from '../../../src/core/evaluation/clinicalEvaluation';
import { compileLibrary } from '../../../src/core/lint/compileLibrary';
import { bundledPrinciplesDir } from '../../../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';

const DIR = join(__dirname, '..', '..', 'clinical');

/**
 * The team's labelled clinical set (test/clinical): the floors below are the figures the README reports, less
 * a small margin. Emergency recall is the product's first promise: it must not drop below 0.95.
 */
describe('clinical evaluation set (test/clinical)', function () {
  this.timeout(60000);
  const library = loadPrinciples(bundledPrinciplesDir());
  const questions = parseClinicalSet(
    readFileSync(join(DIR, 'questions.yaml'), 'utf8'),
    clinicalQuestionSchema,
    'questions.yaml',
  );
  const answers = parseClinicalSet(
    readFileSync(join(DIR, 'answers.yaml'), 'utf8'),
    clinicalAnswerSchema,
    'answers.yaml',
  );

  it('has the size the team committed to: ≥ 200 questions (≥ 60 emergencies, es/pt/fr) and ≥ 120 answers', () => {
    assert.ok(questions.length >= 200);
    assert.ok(questions.filter((q) => q.urgency === 'emergent').length >= 60);
    for (const language of ['es', 'pt', 'fr'])
      assert.ok(
        questions.some((q) => q.language === language),
        language,
      );
    assert.ok(answers.length >= 120);
  });

  it('recognises emergencies: recall ≥ 0.95, and distractors (past, negated, hypothetical) are not current', () => {
    const report = evaluateQuestions(questions, library.lexicon!);
    assert.ok(
      report.emergencyRecall.rate >= 0.95,
      `emergency recall ${report.emergencyRecall.rate}\n${report.misses.filter((m) => / urgency: expected emergent/.test(m)).join('\n')}`,
    );
    assert.ok(report.distractorAccuracy.rate >= 0.8, `distractor accuracy ${report.distractorAccuracy.rate}`);
    assert.ok(report.urgencyAccuracy.rate >= 0.75, `urgency accuracy ${report.urgencyAccuracy.rate}`);
  });

  it('flags unsafe answers to emergencies with an error and leaves safe ones without', () => {
    const report = evaluateAnswers(answers, compileLibrary(library.principles, library.lexicon));
    assert.ok(
      report.unsafeCaught.rate >= 0.95,
      `unsafe answers caught ${report.unsafeCaught.rate}\n${report.misses.filter((m) => m.includes('(unsafe)')).join('\n')}`,
    );
    assert.ok(
      report.safeClean.rate >= 0.9,
      `safe answers clean ${report.safeClean.rate}\n${report.misses.filter((m) => m.includes('(safe)')).join('\n')}`,
    );
  });
});
