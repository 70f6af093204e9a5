import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { stringify } from 'yaml';
import { parseCase } from '../../../src/core/case/parseCase';
import { readCaseFast } from '../../../src/core/dataset/readCaseFast';
import { isPlainFrontMatter } from '../../../src/core/dataset/plainFrontMatter';

// The export reads front matter with js-yaml when it is plain, the editor and the CLI with `yaml`. They must
// never disagree: not about whether a case is valid, and not about a single value.

const tricky = [
  'x',
  'hello world',
  'Call 911 now!',
  'A & B',
  '*emphasis*',
  '10',
  '-3',
  '+12',
  '012',
  '0x1F',
  '-0x1F',
  '0b101',
  '0o17',
  '-0o17',
  '1_000',
  '.5',
  '-.5',
  '+.5',
  '.inf',
  '-.inf',
  '.NaN',
  '1e3',
  '-0',
  '1.',
  'true',
  'True',
  'TRUE',
  'yes',
  'on',
  'null',
  '~',
  '',
  'a: b',
  'a:b',
  'a #c',
  'a#c',
  '"q"',
  "'s'",
  "'it''s'",
  '"a\\x41\\u00e9\\N\\_"',
  '"a\\q"',
  '"b"#c',
  "'b'#c",
  '"b" c',
  '[a, b]',
  '[a, b,]',
  '[b: c, d]',
  '{a: b}',
  '{a, b}',
  '[]',
  '{}',
  '[a, [b, [c]]]',
  '&a x',
  '*a',
  '&a [1, 2]',
  '!!str 1',
  '!!int "3"',
  '!tag x',
  '! x',
  '? x',
  '|',
  '|-',
  '|+',
  '|2',
  '>',
  '>-',
  '- x',
  '-x',
  '"multi',
  'line"',
  "'multi",
  '@x',
  '`x`',
  '%YAML 1.2',
  '<<',
  '<<: *a',
  'é',
  '“quoted”',
  '😀',
  '\u00a0',
  '\t',
  'a\tb',
  '\u0000',
  '\u001b[31m',
  '\u0085',
  '\u009b2J',
  '\r',
  '\u2028',
  '\ufeff',
  '\ud800',
  '---',
  '...',
  'k'.repeat(1030),
  '"k"'.repeat(400),
  '['.repeat(70) + ']'.repeat(70),
  '- - - x',
];
const scalar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...tricky) },
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const key = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'id',
      'prompt',
      'audience',
      'locale',
      'conversation',
      'rubric',
      'review',
      'scenario',
      'criterion',
      'points',
      'tags',
      'verified',
      'status',
      'role',
      'content',
      'example_tags',
    ),
  },
  fc.constantFrom(
    'x',
    '1',
    '"1"',
    'null',
    '~',
    'true',
    '1.0',
    '[a]',
    '{a: b}',
    '? k',
    'k'.repeat(1100),
    '&a k',
    '*a',
    '"k\n k"',
    "'k'",
    'a b',
    '-k',
    '"x"',
    '<<',
  ),
  fc.string({ maxLength: 6 }),
);
const line = fc
  .tuple(
    fc.constantFrom('', '', '  ', '    ', ' '),
    fc.constantFrom('', '', '- ', '- - '),
    key,
    fc.constantFrom(': ', ': ', ':', ' : ', ''),
    scalar,
    fc.constantFrom('', '', ' # note', '  '),
  )
  .map(([indent, dash, k, sep, value, comment]) => `${indent}${dash}${k}${sep}${value}${comment}`);

const AXES = ['accuracy', 'completeness', 'communication_quality', 'context_awareness', 'instruction_following'];
/** A verified case as ClinAlign writes one, to which hostile lines are added. */
const verifiedCase = fc.record({
  points: fc.array(
    fc.integer({ min: -10, max: 10 }).filter((p) => p !== 0),
    { minLength: 1, maxLength: 4 },
  ),
  question: scalar,
});
const caseLines = verifiedCase.map(({ points, question }) => [
  'id: demo',
  'audience: layperson',
  `prompt: ${JSON.stringify(question)}`,
  'rubric:',
  ...points.flatMap((p, i) => [
    `  - criterion: "Item ${i}: says what to do"`,
    `    points: ${p}`,
    `    tags: [level:example, axis:${AXES[i % 5]}]`,
    '    verified: true',
  ]),
  'review:',
  '  status: verified',
]);

const frontMatter = fc.oneof(
  fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\n')),
  fc.tuple(caseLines, fc.array(line, { maxLength: 3 }), fc.nat()).map(([lines, extra, at]) => {
    const copy = [...lines];
    copy.splice(at % (copy.length + 1), 0, ...extra);
    return copy.join('\n');
  }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
);
/** Any JSON value as the two libraries write YAML (ClinAlign's writers use `yaml`'s). */
const written = fc
  .tuple(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 }), fc.boolean())
  .map(([value, useYaml]) =>
    (useYaml ? stringify(value, { lineWidth: 0 }) : dump(value, { lineWidth: -1 })).replace(/\n$/, ''),
  );

const caseText = fc
  .tuple(fc.oneof(frontMatter, written), fc.constantFrom('\n', '\r\n'), fc.constantFrom('Answer.\n', ''))
  .map(([yaml, eol, body]) => `---${eol}${yaml.split('\n').join(eol)}${eol}---${eol}${body}`);

function agree(text: string): void {
  const fast = readCaseFast(text);
  const full = parseCase(text);
  assert.equal(
    fast.problems.length === 0,
    full.problems.length === 0,
    `valid? js-yaml: ${JSON.stringify(fast.problems)} yaml: ${JSON.stringify(full.problems)}`,
  );
  if (full.problems.length > 0) return;
  assert.deepEqual(withoutNegativeZero(fast.data), withoutNegativeZero(full.data));
  assert.equal(fast.body, full.body);
  assert.equal(fast.question, full.question);
}

/** -0 and 0 are the same number to the schema and in the exported JSON; js-yaml reads `-0` as 0. */
function withoutNegativeZero(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(withoutNegativeZero);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNegativeZero(v)]));
  return value;
}

describe('readCaseFast agrees with parseCase (property-based)', function () {
  this.timeout(120000);

  it('on case-like front matter with hostile lines', () => {
    fc.assert(fc.property(caseText, agree), { numRuns: Number(process.env.CLINALIGN_FUZZ_RUNS ?? 5000) });
  });

  it('takes the fast path for the plain front matter ClinAlign itself writes', () => {
    const plain =
      'id: demo\nprompt: "I have chest pain: what now?"\nrubric:\n  - criterion: Says to call 911.\n    points: 10\n    tags: [level:example, axis:accuracy]\n    verified: true\n';
    assert.equal(isPlainFrontMatter(plain), true);
    for (const hostile of [
      'a: &x [1]\nb: *x\n',
      'x: !!str 1\n',
      `${'k'.repeat(1100)}: v\n`,
      'points: 1_0\n',
      'a: "b"#c\n',
      '[a]: b\n',
      'a:\tb\n',
      'x: "multi\nid: line"\n',
      "x: 'it''s\n  still open'\n",
    ]) {
      assert.equal(isPlainFrontMatter(hostile), false, hostile);
    }
  });

  it('a quoted string that goes on past its line: the two readings agree (js-yaml alone would accept it)', () => {
    // Found by the property above: js-yaml reads "id: line" as more of the string; yaml stops at the key.
    agree('---\nx: "multi\nid: line"\n---\nAnswer.\n');
    agree('---\nid: demo\nprompt: "I have chest pain,\n  what now?"\n---\nAnswer.\n');
    assert.equal(isPlainFrontMatter('prompt: "Is it safe?" # it\'s "fine"\nid: demo\n'), true);
  });

  it('a key over 1,024 characters is an error in both, never an exported case', () => {
    const text = `---\nid: demo\nprompt: Hi\n${'k'.repeat(1100)}: v\n---\nAnswer.\n`;
    assert.ok(parseCase(text).problems.length > 0);
    assert.ok(readCaseFast(text).problems.length > 0);
  });
});
