import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/lint/finding';
import { applyFixes, mechanicalFixes } from '../../../src/core/lint/mechanicalFixes';
import { lintCase } from '../../../src/core/lint/lintCase';
import { sampleLibrary } from '../fixtureLibrary';

const withFix = (start: number, end: number, replacement: string): Finding => ({
  principleId: 'universal.a-b',
  severity: 'warning',
  start,
  end,
  message: 'm',
  fix: { start, end, replacement },
});

describe('mechanicalFixes', () => {
  it('orders fixes and drops overlapping and duplicate ones, and findings without a fix', () => {
    const noFix: Finding = { principleId: 'universal.x-y', severity: 'info', start: 0, end: 3, message: 'm' };
    const fixes = mechanicalFixes([
      withFix(10, 14, 'b'),
      noFix,
      withFix(0, 4, 'a'),
      withFix(12, 16, 'c'),
      withFix(0, 4, 'a'),
    ]);
    assert.deepEqual(
      fixes.map((f) => [f.start, f.end, f.replacement]),
      [
        [0, 4, 'a'],
        [10, 14, 'b'],
      ],
    );
  });

  it('applies every fix of a linted case in one pass', () => {
    const text = '---\nid: x\n---\nTake 10 IU q.d. with 5 cc water.\n';
    const result = lintCase(sampleLibrary(), text);
    const fixed = applyFixes(text, mechanicalFixes(result.findings));
    assert.equal(fixed, '---\nid: x\n---\nTake 10 units daily with 5 mL water.\n');
    assert.equal(lintCase(sampleLibrary(), fixed).findings.filter((f) => f.fix).length, 0);
  });

  it('returns the text unchanged without fixes', () => {
    assert.equal(applyFixes('abc', []), 'abc');
  });
});
