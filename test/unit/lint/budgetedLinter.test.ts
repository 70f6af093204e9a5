import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { BudgetedLinter } from '../../../src/core/lint/budgetedLinter';
import type { LintInput } from '../../../src/core/lint/lintAnswer';
import { UNKNOWN_SCENARIO } from '../../../src/core/scenario/labels';

// A stand-in worker speaking the lint protocol: answers "hang" never return (a lint gone wrong).
const STAND_IN = `
const { parentPort } = require('node:worker_threads');
let libraries = [];
parentPort.on('message', (m) => {
  if (m.type === 'library') libraries.push(m.spec.bundledDir);
  if (m.type !== 'lint') return;
  if (m.input.answer === 'libraries') {
    parentPort.postMessage({ type: 'findings', id: m.id, findings: libraries.map((l) => ({ principleId: 'p', severity: 'info', start: 0, end: 1, message: l })) });
    return;
  }
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

  it('sends queued lints ahead; after an overrun the ones behind it go to a fresh worker, still in order', async () => {
    let started = 0;
    const linter = new BudgetedLinter(() => (started++, new Worker(STAND_IN, { eval: true })), 300);
    try {
      await linter.lint(input('warm')); // the first lint of a worker has the start-up allowance
      const results = await Promise.all(['a', 'hang', 'b', 'c'].map((answer) => linter.lint(input(answer))));
      assert.deepEqual(
        results.map((r) => ('findings' in r ? r.findings[0]!.message : 'timeout')),
        ['a', 'timeout', 'b', 'c'],
      );
      assert.equal(started, 2);
    } finally {
      linter.dispose();
    }
  });

  it('adopts a worker the caller started without loading its library twice, and reloads on every later library', async () => {
    const messages = (r: Awaited<ReturnType<BudgetedLinter['lint']>>) =>
      'findings' in r ? r.findings.map((f) => f.message) : [];
    const early = new Worker(STAND_IN, { eval: true });
    early.postMessage({ type: 'library', spec: { bundledDir: 'bundled', layers: [] } });
    const linter = new BudgetedLinter(() => assert.fail('no fresh worker needed'), 1000, {
      worker: early,
      spec: { bundledDir: 'bundled', layers: [] },
    });
    try {
      linter.setLibrary({ bundledDir: 'bundled', layers: [] });
      assert.deepEqual(messages(await linter.lint(input('libraries'))), ['bundled'], 'loaded once');
      linter.setLibrary({ bundledDir: 'other', layers: [] });
      assert.deepEqual(messages(await linter.lint(input('libraries'))), ['bundled', 'other']);
      // The editor sets the same folders again after a team file changed: the worker must read them again.
      linter.setLibrary({ bundledDir: 'other', layers: [] });
      assert.deepEqual(messages(await linter.lint(input('libraries'))), ['bundled', 'other', 'other'], 'reloaded');
    } finally {
      linter.dispose();
    }
  });
});
