import assert from 'node:assert/strict';
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { parseCase } from '../../../src/core/case/parseCase';
import { readCaseFast } from '../../../src/core/dataset/readCaseFast';
import { lintCase } from '../../../src/core/lint/lintCase';
import { INPUT_LIMITS } from '../../../src/core/untrusted/inputLimits';
import { sampleLibrary } from '../fixtureLibrary';

const library = sampleLibrary();
// A hostile file that is not caught takes seconds to minutes (an alias bomb expands without end); a caught one
// takes milliseconds. 3 s tells the two apart even on a shared machine at load 8 (where 1 s once did not).
const BUDGET_MS = 3000;

/** Hostile front matter of each kind, and whether it must be an error (`false`: it may be valid YAML). */
type Hostile = { yaml: string; error: boolean };

const aliasBomb: fc.Arbitrary<Hostile> = fc
  .record({ levels: fc.integer({ min: 4, max: 12 }), width: fc.integer({ min: 6, max: 12 }) })
  .map(({ levels, width }) => {
    const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`];
    for (let i = 1; i < levels; i++)
      lines.push(
        `l${i}: &l${i} [${Array(width)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    return { yaml: `prompt: Hi\n${lines.join('\n')}`, error: true };
  });
const longKey: fc.Arbitrary<Hostile> = fc
  .integer({ min: 1025, max: 200_000 })
  .map((n) => ({ yaml: `prompt: Hi\n${'k'.repeat(n)}: v`, error: true }));
const longValue: fc.Arbitrary<Hostile> = fc
  .integer({ min: 1000, max: 250_000 })
  .map((n) => ({ yaml: `prompt: "${'v'.repeat(n)}"`, error: false }));
const deepFlow: fc.Arbitrary<Hostile> = fc
  .tuple(fc.integer({ min: 65, max: 120_000 }), fc.constantFrom('[', '{a: ', '[a, ', '- '))
  .map(([depth, open]) => {
    const close = open === '- ' ? '' : open.startsWith('{') ? '}' : ']';
    return {
      yaml: `prompt: Hi\nx: ${open === '- ' ? '\n  ' : ''}${open.repeat(depth)}x${close.repeat(depth)}`,
      error: true,
    };
  });
const controls: fc.Arbitrary<Hostile> = fc
  .tuple(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('\u0000', '\u001b[2J', '\u0085', '\u2028', '\ufeff', '\ud800', '\t'),
  )
  .map(([text, control]) => ({
    yaml: `prompt: "${control}${text.replace(/["\\]/g, '')}${control}"\n${control}key${control}: ${text}`,
    error: false,
  }));
const hugeFrontMatter: fc.Arbitrary<Hostile> = fc
  .integer({ min: INPUT_LIMITS.frontMatter + 1, max: 12 * 1024 * 1024 })
  .map((n) => ({ yaml: `prompt: Hi\nx: ${'y'.repeat(n)}`, error: true }));
const dense: fc.Arbitrary<Hostile> = fc
  .tuple(fc.constantFrom('1,', '*a,', '{}, ', '[], ', 'k: v\n'), fc.integer({ min: 1000, max: 250_000 }))
  .map(([unit, bytes]) => {
    const body = unit.repeat(Math.ceil(bytes / unit.length));
    return { yaml: unit.includes(':') ? body : `a: &a x\nb: [${body}x]`, error: false };
  });
const hostile = fc.oneof(aliasBomb, longKey, longValue, deepFlow, controls, hugeFrontMatter, dense);

function timed<T>(run: () => T): T {
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  assert.ok(ms < BUDGET_MS, `${Math.round(ms)} ms`);
  return result;
}

describe('hostile case files (property-based): never a throw, always a located error, within a second', function () {
  this.timeout(300_000);

  it('parseCase, lintCase and the export reader', () => {
    fc.assert(
      fc.property(hostile, fc.constantFrom('Take 5 cc daily.\n', ''), ({ yaml, error }, body) => {
        const text = `---\n${yaml}\n---\n${body}`;
        const document = timed(() => parseCase(text));
        if (error) {
          assert.ok(document.problems.length > 0, 'a hostile file is an error');
          for (const p of document.problems)
            assert.ok(
              Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.column) && p.column >= 0,
              JSON.stringify(p),
            );
        }
        assert.equal(text.slice(document.bodyStart), document.body);
        timed(() => lintCase(library, text));
        assert.equal(
          timed(() => readCaseFast(text)).problems.length > 0,
          document.problems.length > 0,
          'the export decides as the editor does',
        );
      }),
      { numRuns: 150 },
    );
  });

  it('says what is too large, with the numbers, and parses nothing of it', () => {
    const document = parseCase(`---\nprompt: Hi\nx: ${'y'.repeat(10 * 1024 * 1024)}\n---\nTake 5 cc.\n`);
    assert.deepEqual(document.problems, [
      { message: 'front matter is 10.0 MB; the limit is 256 KB', line: 1, column: 0 },
    ]);
    assert.deepEqual(document.data, {});
    assert.equal(document.body, '', 'a file over its cap is not linted either');
    const bigAnswer = parseCase(`---\nprompt: Hi\n---\n${'Take 5 cc. '.repeat(200_000)}`);
    assert.deepEqual(bigAnswer.problems, [{ message: 'case file is 2.1 MB; the limit is 2 MB', line: 0, column: 0 }]);
    const fine = parseCase(`---\nprompt: Hi\nx: "${'y'.repeat(300 * 1024)}"\n---\nTake 5 cc.\n`);
    assert.equal(fine.problems[0]?.message, 'front matter is 300.0 KB; the limit is 256 KB');
    assert.equal(fine.body, 'Take 5 cc.\n', 'within the file cap, the answer is still linted');
  });

  it('an alias bomb is located at its first alias', () => {
    const document = parseCase(
      '---\nprompt: Hi\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\nA\n',
    );
    assert.equal(document.problems.length, 1);
    assert.match(document.problems[0]!.message, /aliases expand too much/);
    assert.deepEqual([document.problems[0]!.line, document.problems[0]!.column], [3, 7]);
  });
});
