import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicon } from '../../../src/core/concepts/loadLexicon';
import { parseClinicalSet } from '../../../src/core/evaluation/clinicalSet';
import {
  healthBenchIdealCorpus,
  lintCorpus,
  medquadCorpus,
  precisionLabelSchema,
  precisionReport,
} from '../../../src/core/evaluation/precisionSet';
import { compileLibrary } from '../../../src/core/lint/compileLibrary';
import { bundledPrinciplesDir } from '../../../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';

const root = join(__dirname, '..', '..', '..');
const dir = bundledPrinciplesDir();
const library = compileLibrary(loadPrinciples(dir).principles, loadLexicon(dir));
const medquad = medquadCorpus(readFileSync(join(root, 'test', 'fixtures', 'medquad', 'medquad-dev.jsonl'), 'utf8'));
const physicians = healthBenchIdealCorpus(
  readFileSync(join(root, 'test', 'fixtures', 'healthbench', 'oss_eval_first30.jsonl'), 'utf8'),
);
const labels = parseClinicalSet(
  readFileSync(join(root, 'test', 'clinical', 'precision-labels.yaml'), 'utf8'),
  precisionLabelSchema,
  'precision-labels.yaml',
);

describe('precision on good third-party health writing (MedQuAD, HealthBench physician completions)', function () {
  this.timeout(120_000);
  const corpus = [...medquad, ...physicians];
  const report = precisionReport(corpus, lintCorpus(library, corpus), labels);

  it('reads the whole fixture and has a label for every finding', () => {
    assert.equal(medquad.length, 1500);
    assert.ok(physicians.length >= 20, `${physicians.length} physician completions`);
    assert.ok(labels.length >= 150, `${labels.length} labels`);
    assert.deepEqual(
      report.unlabelled.map((f) => `${f.answer} ${f.principle} “${f.quote}”`),
      [],
      'label new findings in test/clinical/precision-labels.yaml (npm run eval:clinical -- --misses lists them)',
    );
  });

  it('warnings and errors are right at least 80% of the time for every detector kind', () => {
    for (const [kind, ratio] of Object.entries(report.actionableByKind))
      assert.ok(ratio.precision! >= 0.8, `${kind}: ${ratio.correct}/${ratio.of}`);
  });

  it('no principle that fires is right less than 60% of the time', () => {
    for (const [id, ratio] of Object.entries(report.byPrinciple))
      assert.ok(ratio.precision! >= 0.6, `${id}: ${ratio.correct}/${ratio.of}`);
  });

  it('good writing draws at most 0.5 warnings+errors and 0.5 other findings per 1,000 words', () => {
    assert.ok(report.per1000Words.warningsAndErrors <= 0.5, JSON.stringify(report.per1000Words));
    assert.ok(report.per1000Words.other <= 0.5, JSON.stringify(report.per1000Words));
  });

  it('the physicians’ ideal completions get no error', () => {
    const errors = lintCorpus(library, physicians).findings.filter((f) => f.severity === 'error');
    assert.deepEqual(
      errors.map((f) => `${f.answer} ${f.principle}`),
      [],
    );
  });
});

describe('precisionReport', () => {
  it('counts a labelled finding once by kind, by principle, and as actionable only at warning or error', () => {
    const corpus = [{ id: 'a', question: 'q', answer: 'one two three four' }];
    const finding = {
      answer: 'a',
      principle: 'p',
      kind: 'avoid',
      severity: 'warning',
      quote: 'two',
      nth: 1,
      message: 'm',
      context: '',
    };
    const info = { ...finding, principle: 'r', severity: 'info', quote: 'three' };
    const unlabelled = { ...finding, quote: 'four' };
    const report = precisionReport(corpus, { findings: [finding, info, unlabelled], words: 4 }, [
      { answer: 'a', principle: 'p', quote: 'two', nth: 1, correct: true, reason: 'right' },
      { answer: 'a', principle: 'r', quote: 'three', nth: 1, correct: false, reason: 'wrong' },
    ]);
    assert.deepEqual(report.byKind['avoid'], { correct: 1, of: 2, precision: 0.5 });
    assert.deepEqual(report.actionableByKind['avoid'], { correct: 1, of: 1, precision: 1 });
    assert.equal(report.unlabelled.length, 1);
    assert.deepEqual(report.per1000Words, { warningsAndErrors: 500, other: 250 });
  });
});
