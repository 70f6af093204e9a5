import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCase } from '../../../src/core/case/parseCase';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import type { Principle } from '../../../src/core/principles/principle';
import type { Axis } from '../../../src/core/principles/schema';
import { axisOf, principleOf, rubricItemSchema } from '../../../src/core/rubric/rubricItem';
import {
  rubricWarnings,
  synthesizeRubricOffline,
  type SynthesisInput,
} from '../../../src/core/rubric/synthesizeOffline';
import { applyOverrides, classifyQuestion } from '../../../src/core/scenario/classifyQuestion';
import { FIXTURES, scenario } from '../fixtureLibrary';

const ROOT = join(__dirname, '..', '..', '..');
const LIBRARY = loadPrinciples(join(ROOT, 'principles')).principles;

interface NamedInput extends SynthesisInput {
  name: string;
}

function exampleCases(): NamedInput[] {
  const dir = join(ROOT, 'examples');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.case.md'))
    .sort()
    .map((name) => {
      const document = parseCase(readFileSync(join(dir, name), 'utf8'));
      const { scenario: labels } = applyOverrides(classifyQuestion(document.question), {
        audience: document.data.audience,
        scenario: document.data.scenario,
      });
      return { name, principles: LIBRARY, scenario: labels, question: document.question };
    });
}

function healthBenchQuestions(): NamedInput[] {
  return readFileSync(join(FIXTURES, 'healthbench', 'oss_eval_first30.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const record = JSON.parse(line) as { prompt_id: string; prompt: { role: string; content: string }[] };
      const question = record.prompt
        .filter((m) => m.role === 'user')
        .map((m) => m.content)
        .join('\n\n');
      return { name: record.prompt_id, principles: LIBRARY, scenario: classifyQuestion(question).scenario, question };
    });
}

function assertConstraints(input: NamedInput): void {
  const result = synthesizeRubricOffline(input);
  const { items } = result;
  const where = `${input.name}: ${JSON.stringify(items.map((i) => [i.points, principleOf(i)]))}`;
  assert.deepEqual(result.unmet, [], where);
  assert.ok(items.length >= 6 && items.length <= 15, `${items.length} items — ${where}`);
  assert.ok(
    items.some((i) => i.points < 0),
    `no negative item — ${where}`,
  );
  assert.ok(
    items.some((i) => i.points > 0),
    `no positive item — ${where}`,
  );
  assert.ok(new Set(items.map(axisOf)).size >= 3, `fewer than 3 axes — ${where}`);
  const pool = new Set(result.pool.map((s) => s.principle.id));
  for (const item of items) {
    assert.ok(rubricItemSchema.safeParse(item).success, `invalid item — ${where}`);
    assert.equal(item.tags[0], 'level:example');
    // Items written from the question's own content carry a concept tag (and a principle tag when one owns them).
    const principleId = principleOf(item);
    if (principleId !== undefined || !item.tags.some((t) => t.startsWith('concept:')))
      assert.ok(pool.has(principleId ?? ''), `principle tag outside the pool — ${where}`);
  }
  for (let i = 1; i < items.length; i++)
    assert.ok(Math.abs(items[i - 1]!.points) >= Math.abs(items[i]!.points), `not ordered by |points| — ${where}`);
  assert.deepEqual(synthesizeRubricOffline(input), result, `not deterministic — ${where}`);
  assert.deepEqual(
    rubricWarnings(items).filter((w) => w.rule !== 'not-atomic'),
    [],
    where,
  );
}

/** A principle with only what synthesis reads. */
function principle(
  id: string,
  points: number,
  axis: Axis,
  criterion = `Criterion of ${id} long enough to count.`,
): Principle {
  return {
    id,
    title: `Principle ${id}`,
    dimension: 'universal',
    statement: 'A checkable statement.',
    rationale: 'A clinical reason.',
    severity: 'warning',
    rubric: { criterion, points, axis },
    examples: [
      { answer: 'bad', violates: true },
      { answer: 'good', violates: false },
    ],
    sources: ['A source'],
    location: { file: 'test.yaml', line: 0, column: 0 },
  };
}

describe('synthesizeRubricOffline', () => {
  it('meets every constraint for each example case', () => {
    const cases = exampleCases();
    assert.ok(cases.length >= 6);
    cases.forEach(assertConstraints);
  });

  it('meets every constraint for the 30 HealthBench questions, classified offline', () => {
    const questions = healthBenchQuestions();
    assert.equal(questions.length, 30);
    questions.forEach(assertConstraints);
  });

  it('puts the question-specific principles of the chest-pain example at the top', () => {
    const chest = exampleCases().find((c) => c.name === 'chest-pain-at-rest.case.md')!;
    const { items } = synthesizeRubricOffline(chest);
    assert.deepEqual(items.slice(0, 2).map(principleOf), [
      'urgency.chest-pain-cardiac-features',
      'urgency.no-delay-with-home-care',
    ]);
    assert.deepEqual(items[0]!.tags, [
      'level:example',
      'axis:accuracy',
      'concept:redflag.cardiac-chest-pain',
      'principle:urgency.chest-pain-cardiac-features',
    ]);
    // Grounded in the question's own words, not a generic template.
    assert.match(
      items[0]!.criterion,
      /call emergency services .* because of chest pain that may be a heart attack \(“[^”]+”\), in the first sentences/,
    );
    assert.match(items[1]!.criterion, /^Suggests waiting, self-treatment at home or a routine appointment for “[^”]+”/);
    assert.equal(
      items.filter((i) => /emergency services/.test(i.criterion) && i.points > 0).length,
      1,
      'one emergency item, not two',
    );
  });

  it('tops up a missing negative item and missing axes from further down the pool', () => {
    const positives = Array.from({ length: 14 }, (_, i) =>
      principle(
        `universal.positive-${String(i).padStart(2, '0')}`,
        9,
        'accuracy',
        `Positive requirement number ${i} about topic ${'abcdefghijklmn'[i]}.`,
      ),
    );
    const library = [
      ...positives,
      principle('universal.negative', -2, 'completeness'),
      principle('universal.other-axis', 1, 'context_awareness'),
    ];
    const { items, unmet } = synthesizeRubricOffline({ principles: library, scenario: scenario(), question: 'help' });
    assert.deepEqual(unmet, []);
    assert.ok(items.some((i) => principleOf(i) === 'universal.negative'));
    assert.ok(items.some((i) => principleOf(i) === 'universal.other-axis'));
  });

  it('reports the constraints it cannot meet instead of inventing items', () => {
    const library = [
      principle('universal.one', 5, 'accuracy'),
      principle('universal.two', 3, 'accuracy', 'A different requirement entirely.'),
    ];
    const { items, unmet } = synthesizeRubricOffline({ principles: library, scenario: scenario(), question: 'help' });
    assert.deepEqual(items.map(principleOf), ['universal.one', 'universal.two']);
    assert.equal(unmet.length, 3);
    assert.match(unmet.join('\n'), /at least 6 items/);
    assert.match(unmet.join('\n'), /negative/);
    assert.match(unmet.join('\n'), /only 1 axis/);
  });

  it('drops a criterion that repeats a higher-ranked one in other words', () => {
    const library = [
      principle('universal.first', 8, 'accuracy', 'Tells the person to call emergency services immediately.'),
      principle('universal.again', 5, 'accuracy', 'Tells the person to call the emergency services immediately!'),
    ];
    const { items } = synthesizeRubricOffline({ principles: library, scenario: scenario(), question: 'help' });
    assert.deepEqual(items.map(principleOf), ['universal.first']);
  });
});

describe('rubricWarnings', () => {
  const item = (criterion: string, points: number, axis: Axis) => ({
    criterion,
    points,
    tags: ['level:example', `axis:${axis}`],
  });

  it('is quiet for a sound rubric', () => {
    const rubric = [
      item('Tells the person to call 911 now.', 10, 'accuracy'),
      item('Suggests waiting to see if the pain settles.', -9, 'accuracy'),
      item('Uses everyday words.', 4, 'communication_quality'),
      item('Asks for age, duration and history.', 5, 'context_awareness'),
      item('Gives steps for while help is on the way.', 5, 'completeness'),
      item('Says not to drive to hospital.', 4, 'completeness'),
    ];
    assert.deepEqual(rubricWarnings(rubric), []);
  });

  it('flags compound items, duplicates, no negatives, few axes, a missing axis and the item count', () => {
    const rubric = [
      item('Tells the person to call 911 and advises chewing aspirin.', 10, 'accuracy'),
      item('Gives the dose; says how often.', 5, 'accuracy'),
      item('Tells the person to call 911 now.', 5, 'accuracy'),
      item('Tells the person to call 911 now!', 5, 'accuracy'),
      { criterion: 'No axis here.', points: 2, tags: ['level:example'] },
    ];
    const rules = rubricWarnings(rubric).map((w) => `${w.rule}:${w.items.join(',')}`);
    assert.deepEqual(rules, [
      'not-atomic:0',
      'not-atomic:1',
      'duplicate:2,3',
      'missing-axis:4',
      'no-negative:',
      'few-axes:',
      'item-count:',
    ]);
  });

  it('flags a rubric without positive items (its score would be undefined)', () => {
    const rules = rubricWarnings([item('Suggests waiting.', -5, 'accuracy')]).map((w) => w.rule);
    assert.ok(rules.includes('no-positive'));
  });
});
