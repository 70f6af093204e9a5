import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { compileLibrary } from '../../../src/core/lint/compileLibrary';
import { lintAnswer } from '../../../src/core/lint/lintAnswer';
import { LinearRegex } from '../../../src/core/text/linearRegex';
import { chooseEngine, patternKey } from '../../../src/core/text/regexEngine';
import verdicts from '../../../src/core/text/regexSafetyVerdicts.json';
import { bundledPrinciplesDir } from '../../../src/core/principles/bundledLibrary';
import { loadPrinciples, principleFilesIn } from '../../../src/core/principles/loadPrinciples';
import { principlePatterns } from '../../../src/core/principles/principlePatterns';
import { UNKNOWN_SCENARIO } from '../../../src/core/scenario/labels';

const bundledPatterns = principlePatterns(
  principleFilesIn(bundledPrinciplesDir()).map((file) => parse(readFileSync(file, 'utf8'))),
);

describe('regex engines', () => {
  it('has a recorded verdict for every bundled pattern (run `npm run check:regex` after changing one)', () => {
    const recorded = new Set([...verdicts.safe, ...verdicts.notProven]);
    assert.deepEqual(
      bundledPatterns.filter((p) => !recorded.has(patternKey(p))),
      [],
    );
  });

  it('refuses no bundled pattern', () => {
    assert.deepEqual(
      bundledPatterns.filter((p) => chooseEngine(p).engine === 'refused'),
      [],
    );
  });

  it('runs unproven patterns on the linear engine and refuses lookaround it cannot prove', () => {
    assert.equal(chooseEngine('(a+)+b').engine, 'linear');
    assert.equal(chooseEngine('(?=(a+)+b)a').engine, 'refused');
    assert.equal(chooseEngine('(a)\\1').engine, 'refused');
  });

  it('gives the linear engine the same matches as JavaScript on ordinary text', () => {
    const text = 'Call 911 now.\u00a0Take 5\u00a0mL of the syrup — “don’t wait”. SOAP: S: pain\nO: ok';
    for (const source of ['\\s+mL\\b', 'don[\\u2019\\x27]t', '(?<word>syrup)', 'S:.*', '[\\s\\S]{2}O']) {
      const js = [...text.matchAll(new RegExp(source, 'giu'))].map((m) => [m.index, m.index! + m[0].length]);
      const choice = chooseEngine(source);
      assert.notEqual(choice.engine, 'refused');
      if (choice.engine !== 'linear') continue;
      const linear: number[][] = [];
      new LinearRegex(choice.re2Source, true).forEachMatch(text, (start, end) => void linear.push([start, end]));
      assert.deepEqual(linear, js, source);
    }
  });

  it('lints adversarial answers with the whole bundled library in well under a second each', () => {
    const library = loadPrinciples(bundledPrinciplesDir());
    const compiled = compileLibrary(library.principles, library.lexicon);
    const soap = Array.from({ length: 200 }, (_, i) => `S: ${'x'.repeat(10)} ${i}\nO:\n`).join('');
    const attacks = [
      ' '.repeat(10_000),
      'a'.repeat(20_000),
      '1, '.repeat(5_000),
      soap,
      '. '.repeat(5_000) + 'call',
      `if ${'call '.repeat(3_000)}`,
      '**'.repeat(5_000),
    ];
    for (const answer of attacks) {
      const started = performance.now();
      lintAnswer(compiled, {
        answer,
        question: 'My chest hurts, can I wait? SOAP note please',
        scenario: UNKNOWN_SCENARIO,
      });
      const ms = performance.now() - started;
      assert.ok(ms < 1500, `${JSON.stringify(answer.slice(0, 20))}… took ${ms.toFixed(0)} ms`);
    }
    // A 48 KB question runs the question conditions and the recogniser.
    for (const question of ['my chest '.repeat(5_400), ' '.repeat(48_000), 'if '.repeat(16_000)]) {
      const started = performance.now();
      lintAnswer(compiled, { answer: 'Call 911 now.', question, scenario: UNKNOWN_SCENARIO });
      const ms = performance.now() - started;
      assert.ok(ms < 1500, `question ${JSON.stringify(question.slice(0, 12))}… took ${ms.toFixed(0)} ms`);
    }
  });
});
