import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LiteralTermMatcher, NO_MATCH, UNDECIDED } from '../../../src/core/lint/literalTermMatcher';
import { regexFlags, termToRegexSource } from '../../../src/core/text/termPattern';

/** What the term's sticky regex answers at `at`: the match's end, or NO_MATCH. */
function regexAt(term: string, ignorecase: boolean | undefined, text: string, at: number): number {
  const regex = new RegExp(termToRegexSource(term), regexFlags(ignorecase, 'y'));
  regex.lastIndex = at;
  return regex.test(text) ? regex.lastIndex : NO_MATCH;
}

const matcher = (term: string, ignorecase?: boolean) => LiteralTermMatcher.of(term, ignorecase)!;

describe('literal term matcher', () => {
  it('matches a term as its regex does: case, runs of white space, word and hyphen boundaries', () => {
    const blood = matcher('blood thinner');
    assert.equal(blood.matchAt('A Blood  Thinner.', 2), 16);
    assert.equal(blood.matchAt('a blood\n\tthinner', 2), 16);
    assert.equal(blood.matchAt('a bloodthinner', 2), NO_MATCH, 'the space between the words is needed');
    assert.equal(blood.matchAt('a blood thinners', 2), NO_MATCH, 'a longer word');
    assert.equal(blood.matchAt('anti-blood thinner', 5), NO_MATCH, 'a hyphenated compound');
    assert.equal(blood.matchAt('blood thinner-like', 0), NO_MATCH);
    assert.equal(blood.matchAt('(blood thinner)', 1), 14);
    assert.equal(blood.matchAt('blood thinner-', 0), 13, 'a hyphen with nothing after it is an edge');
    assert.equal(matcher('CKD', false).matchAt('ckd', 0), NO_MATCH, 'ignorecase: false keeps the case');
    assert.equal(matcher('q.d.').matchAt('Take it q.d. daily', 8), 12, 'no boundary after a final dot');
  });

  it('decides typographic punctuation and Unicode spaces itself', () => {
    assert.equal(matcher('blood thinner').matchAt('blood\u00a0thinner', 0), 13, 'a no-break space is `\\s`');
    assert.equal(matcher('risk').matchAt('“risk”', 1), 5, 'curly quotes are not letters');
    assert.equal(matcher('risk').matchAt('—risk—', 1), 5);
    assert.equal(matcher('it’s impossible to say').matchAt('It’s  impossible to say.', 0), 23);
    assert.equal(matcher('it’s impossible to say').matchAt("It's impossible to say.", 0), NO_MATCH);
    assert.equal(matcher('risk').matchAt('rïsk', 0), NO_MATCH, 'no folding makes "ï" an "i"');
  });

  it('leaves to the regex what only it can decide', () => {
    assert.equal(matcher('risk').matchAt('riſk', 0), UNDECIDED, 'a long s, which the regex folds to "s"');
    assert.equal(matcher('risk', false).matchAt('riſk', 0), NO_MATCH, 'no folding without ignorecase');
    assert.equal(matcher('risk').matchAt('érisk', 1), UNDECIDED, 'a letter before the term');
    assert.equal(matcher('risk').matchAt('riské', 0), UNDECIDED, 'a letter after it');
    assert.equal(LiteralTermMatcher.of('café au lait', undefined), undefined, 'a non-ASCII term has no matcher');
  });

  it('agrees with the regex wherever it decides (property)', () => {
    const terms = [
      'no risk at all',
      'blood thinner',
      'q.d.',
      'A&E department',
      'CKD',
      '5-FU',
      'x-ray',
      'it’s risky',
      'MS',
    ];
    const piece = fc.constantFrom(
      ...['no', 'risk', 'at', 'all', 'blood', 'thinner', 'q.d.', 'A&E', 'department', 'MS', 'contin', 'CKD', 'ckd'],
      ...[
        '5-FU',
        'x-ray',
        'X-RAY',
        ' ',
        '  ',
        '\n',
        '\t',
        '\u00a0',
        '\u2009',
        '-',
        '_',
        '.',
        'İ',
        'ſ',
        'é',
        'K',
        'x',
        '9',
      ],
      ...['it’s', 'IT’S', "it's", 'risky', '’', '—', '“', '\u00ad', '\u0301', '𝐀'],
    );
    fc.assert(
      fc.property(fc.constantFrom(...terms), fc.boolean(), fc.array(piece, { maxLength: 12 }), (term, fold, parts) => {
        const text = parts.join('');
        const ignorecase = fold ? undefined : false;
        const ascii = matcher(term, ignorecase);
        for (let at = 0; at <= text.length; at++) {
          const decided = ascii.matchAt(text, at);
          if (decided === UNDECIDED) {
            assert.match(text, /[^\x00-\x7f]/, 'undecided only where the text has a non-ASCII character');
            continue;
          }
          assert.equal(decided, regexAt(term, ignorecase, text, at), `${term} at ${at} of ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
