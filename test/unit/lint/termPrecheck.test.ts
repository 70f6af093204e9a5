import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CompiledDetector, TermEntry } from '../../../src/core/lint/compileLibrary';
import { firstWordMayEndAt, leftBoundaryMayHold, secondWordMayFollow } from '../../../src/core/lint/termPrecheck';
import { regexFlags, termToRegexSource } from '../../../src/core/text/termPattern';

const entryFor = (term: string, ignorecase?: boolean): TermEntry => ({
  id: 0,
  term,
  regex: new RegExp(termToRegexSource(term), regexFlags(ignorecase, 'y')),
  matcher: undefined,
  leftBounded: true,
  detector: {} as CompiledDetector,
});

/** Same length as the text, as the engine's lower-cased view is. */
const lowerOf = (text: string) =>
  [...text].map((c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');

describe('term prechecks', () => {
  it('skip a multi-word term where its second word does not follow the first', () => {
    const entry = entryFor('no risk at all');
    const check = (text: string) => secondWordMayFollow(entry, lowerOf(text), 0);
    assert.equal(check('no doubt about it'), false);
    assert.equal(check('nothing'), false, 'no space after the first word');
    assert.equal(check('no'), false);
    assert.equal(check('No  RISK at all'), true);
    assert.equal(check('no\n\trisk at all'), true);
    assert.equal(check('no\u00a0risk at all'), true, 'a Unicode space is left to the regex');
    assert.equal(check('no riſk at all'), true, 'a letter whose case the regex folds is left to the regex');
  });

  it('never reject a place where the term matches (property)', () => {
    const terms = [
      'no risk at all',
      'you will be fine',
      'q.d. dosing',
      'blood thinner',
      'A&E department',
      'MS contin',
      'co_pay',
      'no-one',
    ];
    const piece = fc.constantFrom(
      'no',
      'risk',
      'at',
      'all',
      'you',
      'will',
      'be',
      'fine',
      'q.d.',
      'dosing',
      'blood',
      'thinner',
      'A&E',
      'department',
      'MS',
      'contin',
      'co',
      '_',
      'pay',
      'one',
      'not',
      ' ',
      '  ',
      '\n',
      '\t',
      '\u00a0',
      '-',
      'No',
      'RISK',
      'İ',
      'ſ',
      'x',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...terms),
        fc.boolean(),
        fc.array(piece, { maxLength: 12 }),
        (term, ignorecase, parts) => {
          const text = parts.join('');
          const lower = lowerOf(text);
          const entry = entryFor(term, ignorecase ? undefined : false);
          for (let at = 0; at < text.length; at++) {
            entry.regex.lastIndex = at;
            if (!entry.regex.test(text)) continue;
            assert.ok(secondWordMayFollow(entry, lower, at), `${term} at ${at} of ${JSON.stringify(text)}`);
            assert.ok(leftBoundaryMayHold(text, at));
            const firstWord = /^[\p{L}\p{M}\p{N}]*/u.exec(term)![0];
            if (firstWord) assert.ok(firstWordMayEndAt(text, at + firstWord.length), `${term} at ${at}`);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
