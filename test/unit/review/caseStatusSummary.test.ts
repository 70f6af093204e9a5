import assert from 'node:assert/strict';
import { caseStatusSummary, type CaseStatusInput } from '../../../src/core/review/caseStatusSummary';

const base: CaseStatusInput = {
  fileName: 'chest-pain.case.md',
  status: 'draft',
  grade: null,
  findings: { errors: 0, warnings: 0, others: 0 },
  applicable: 46,
};
const grade = {
  scoreText: '62.5%',
  score: 0.625,
  stale: false,
  staleReason: null,
  time: '2026-01-02T03:04:05.000Z',
  judgeModel: 'judge-x',
};

describe('caseStatusSummary (the case status bar item, issue 15)', () => {
  it('says review status, last score and findings in a few words', () => {
    assert.equal(caseStatusSummary(base).text, 'draft · not graded · 0 findings');
    assert.equal(
      caseStatusSummary({ ...base, status: 'verified', grade, findings: { errors: 1, warnings: 0, others: 0 } }).text,
      'verified · 63% · 1 finding',
    );
    assert.equal(
      caseStatusSummary({ ...base, grade: { ...grade, score: null, scoreText: 'no score' } }).text,
      'draft · no score · 0 findings',
    );
  });

  it('marks a score that no longer describes the answer, and says why in the tooltip', () => {
    const stale = caseStatusSummary({
      ...base,
      grade: { ...grade, stale: true, staleReason: 'the answer changed since this grade' },
    });
    assert.equal(stale.text, 'draft · 63%* · 0 findings');
    assert.ok(
      stale.lines.includes(
        'Last score: 62.5% (judge judge-x, 2026-01-02T03:04:05.000Z) — the answer changed since this grade',
      ),
    );
  });

  it('spells everything out in the tooltip lines', () => {
    const { lines } = caseStatusSummary({
      ...base,
      status: 'in-review',
      findings: { errors: 2, warnings: 1, others: 3 },
      applicable: 1,
    });
    assert.deepEqual(lines, [
      'Review status: in-review',
      'Last score: not graded yet',
      'Findings: 2 errors, 1 warning, 3 info or hint',
      '1 principle applies to chest-pain.case.md',
    ]);
    assert.equal(
      caseStatusSummary({ ...base, findings: { errors: 2, warnings: 1, others: 3 } }).text,
      'draft · not graded · 6 findings',
    );
    assert.equal(caseStatusSummary(base).lines[2], 'Findings: none');
  });
});
