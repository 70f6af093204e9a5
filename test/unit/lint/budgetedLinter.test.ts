import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { BudgetedLinter } from '../../../src/core/lint/budgetedLinter';
import type { LintInput } from '../../../src/core/lint/lintAnswer';
import { UNKNOWN_SCENARIO } from '../../../src/core/scenario/labels';

// A stand-in worker speaking the lint protocol: answers "hang" never return (a lint gone wrong).
const STAND_IN = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.type !== 'lint') return;
  if (m.input.answer === 'hang') for (;;) {}
  parentPort.postMessage({ type: 'findings', id: m.id, findings: [{ principleId: 'p', severity: 'info', start: 0, end: 1, message: m.input.answer }] });
});`;

const input = (answer: string): LintInput => ({ answer, question: '', scenario: UNKNOWN_SCENARIO });

describe('BudgetedLinter', () => {
  it('stops a lint that overruns its budget, reports it, and lints the next answer in a fresh worker', async () => {
    let started = 0;
    const linter = new BudgetedLinter(() => (started++, new Worker(STAND_IN, { eval: true })), 300);
    try {
      assert.deepEqual(await linter.lint(input('first')), {
        findings: [{ principleId: 'p', severity: 'info', start: 0, end: 1, message: 'first' }],
      });
      const before = Date.now();
      assert.deepEqual(await linter.lint(input('hang')), { timedOut: true, budgetMs: 300 });
      assert.ok(Date.now() - before < 5000, 'the budget, not the hang, decided');
      const after = await linter.lint(input('after'));
      assert.ok('findings' in after && after.findings[0]!.message === 'after');
      assert.equal(started, 2, 'the hung worker was replaced');
    } finally {
      linter.dispose();
    }
  });

  it('runs queued lints one at a time, in order', async () => {
    const linter = new BudgetedLinter(() => new Worker(STAND_IN, { eval: true }), 1000);
    try {
      const results = await Promise.all(['a', 'b', 'c'].map((answer) => linter.lint(input(answer))));
      assert.deepEqual(
        results.map((r) => ('findings' in r ? r.findings[0]!.message : 'timeout')),
        ['a', 'b', 'c'],
      );
    } finally {
      linter.dispose();
    }
  });
});
