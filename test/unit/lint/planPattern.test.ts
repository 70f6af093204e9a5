import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LiteralIndex } from '../../../src/core/lint/literalIndex';
import { PlannedRegex } from '../../../src/core/lint/plannedRegex';
import { TextView } from '../../../src/core/lint/textView';
import { planMatcher, planPattern } from '../../../src/core/text/planPattern';

describe('planPattern', () => {
  it('finds the literals every match must contain', () => {
    assert.deepEqual(planPattern('\\bTBD\\b').literals, ['tbd']);
    assert.deepEqual(planPattern('\\b(take|chew)\\b[^.]{0,30}\\baspirin\\b').literals, ['aspirin']);
    assert.deepEqual(planPattern('colou?r').literals?.sort(), ['color', 'colour']);
    assert.deepEqual(planPattern('\\bX{2,}mg').literals, ['xx']);
  });

  it('gives no literal when none is certain', () => {
    assert.equal(planPattern('\\d+\\s?(mg|g)').literals, undefined);
    assert.equal(planPattern('[a-z]+\\d').literals, undefined);
    assert.ok(planPattern('(?:foo)?bar|baz?').literals!.includes('ba'), 'each branch contributes what it needs');
  });

  it('marks patterns that must see the whole text', () => {
    assert.equal(planPattern('^yes\\b').anchored, true);
    assert.equal(planPattern('vaccin[\\s\\S]*autis').anchored, true);
    assert.equal(planPattern('[^.!?\\n]{0,80}').anchored, false);
    assert.equal(planPattern('\\bthe\\s+elderly\\b').anchored, false);
  });

  it('finds the texts every match begins with, after zero-width assertions', () => {
    assert.deepEqual(planPattern('\\b(?:Jan(?:uary)?|Feb)\\b').starts?.sort(), ['feb', 'jan', 'january']);
    assert.deepEqual(planPattern('(?<![\\p{L}])(?:the )?pain\\b').starts?.sort(), ['pain', 'the pain']);
    assert.deepEqual(planPattern('\\b(?:take|chew)\\s+aspirin').starts?.sort(), ['chew', 'take']);
    assert.equal(planPattern('(?<=\\d\\s?)U\\b').starts, undefined, 'one letter is too short to look for');
    assert.equal(planPattern('(?:the )?\\d+ mg').starts, undefined, 'a match may begin with a digit');
    assert.equal(planPattern('^yes\\b').starts, undefined, 'anchored to the whole text');
  });

  it('finds the characters every match begins with when no text is certain', () => {
    assert.equal(
      planPattern('\\b\\d+\\.\\d*0\\s?mg').startChars,
      '[\\u0030\\u0031\\u0032\\u0033\\u0034\\u0035\\u0036\\u0037\\u0038\\u0039]',
    );
    assert.equal(planPattern('(?<=\\d\\s?)U\\b').startChars, undefined, 'letters are everywhere in prose');
    assert.equal(planPattern('[<>]\\s?\\d').startChars, '[\\u003c\\u003e]');
    assert.equal(
      planPattern('(?:-)?\\d').startChars?.startsWith('[\\u002d\\u0030'),
      true,
      'an optional part adds its own',
    );
    assert.equal(planPattern('[^a]b').startChars, undefined);
    assert.equal(planPattern('\\w+@').startChars, undefined);
  });

  it('a pattern tried only where its starts occur finds what a scan finds (property)', () => {
    const words = fc.constantFrom('pain', 'dose', 'mg', 'child', 'fever', 'pa', '911');
    const pattern = fc
      .tuple(
        fc.constantFrom('', '\\b', '(?<![a-z])', '(?<=\\s)'),
        fc.array(
          fc.oneof(
            words,
            words.map((w) => `(?:${w}|${w}s)`),
            words.map((w) => `(?:${w})?`),
            fc.constant('\\s?'),
            fc.constant('\\d+'),
            fc.constant('[a-z]*'),
            fc.constantFrom('[<>]', 'U', '(?:x)?\\d', '[0-9a-c]', 'ſ'),
          ),
          { minLength: 1, maxLength: 5 },
        ),
      )
      .map(([lead, parts]) => lead + parts.join(''));
    const text = fc
      .array(fc.oneof(words, fc.constantFrom(' ', '12', 's', 'PAIN', 'Pa', '<', 'u', 'U', 'x', 'ſ', 'İ', 'b')), {
        maxLength: 16,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(pattern, text, (source, sample) => {
        const plan = planPattern(source);
        if (!plan.starts && !plan.startChars) return;
        const matches = (view: TextView) => {
          const found: number[] = [];
          new PlannedRegex(source, 'iu', plan, true).forEachMatch(view, (start, end) => void found.push(start, end));
          return found;
        };
        const index = new LiteralIndex([...(plan.literals ?? []), ...(plan.starts ?? [])]);
        assert.deepEqual(matches(new TextView(sample, index)), matches(new TextView(sample)), `${source} on ${sample}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('plans term matchers without parsing them', () => {
    assert.deepEqual(planMatcher(['emergency services', 'call 911'], []).literals, ['emergency', 'call']);
    assert.equal(planMatcher(['U'], []).literals, undefined);
  });

  it('the literals are really in every match (property)', () => {
    const words = fc.constantFrom('pain', 'dose', 'mg', 'child', 'fever', 'x', '911');
    const pattern = fc
      .array(
        fc.oneof(
          words,
          words.map((w) => `(?:${w}|${w}s)`),
          fc.constant('\\s?'),
          fc.constant('\\d+'),
        ),
        { minLength: 1, maxLength: 5 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        pattern,
        fc.array(fc.oneof(words, fc.constantFrom(' ', '12', 's')), { maxLength: 12 }),
        (source, parts) => {
          const text = parts.join('');
          const { literals } = planPattern(source);
          const match = new RegExp(source, 'iu').exec(text);
          if (match && literals)
            assert.ok(
              literals.some((l) => match[0].toLowerCase().includes(l)),
              `${source} matched ${match[0]}`,
            );
        },
      ),
    );
  });
});

describe('LiteralIndex', () => {
  it('locates every occurrence, overlapping and nested ones included', () => {
    const index = new LiteralIndex(['medicine', 'medicines', 'cine', 'ab', 'bc']);
    const found = index.locate('medicines abc medicine');
    assert.deepEqual(found.get('medicines'), [0]);
    assert.deepEqual(found.get('medicine'), [0, 14]);
    assert.deepEqual(found.get('cine'), [4, 18]);
    assert.deepEqual(found.get('ab'), [10]);
    assert.deepEqual(found.get('bc'), [11]);
  });
});
