import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import type { Principle } from '../../../src/core/principles/principle';
import type { Detector } from '../../../src/core/principles/schema';
import { selectPrinciples } from '../../../src/core/lint/selectPrinciples';
import { scenario } from '../fixtureLibrary';

/** A minimal valid principle; tests override what they are about. */
function principle(id: string, fields: Partial<Principle> = {}): Principle {
  return {
    id,
    title: `Principle ${id}`,
    dimension: id.split('.')[0] as Principle['dimension'],
    statement: 'A checkable statement.',
    rationale: 'A clinical reason.',
    severity: 'warning',
    rubric: { criterion: `Criterion for ${id} that is long enough.`, points: 5, axis: 'accuracy' },
    examples: [
      { answer: 'bad', violates: true },
      { answer: 'good', violates: false },
    ],
    sources: ['A source'],
    location: { file: 'test.yaml', line: 0, column: 0 },
    ...fields,
  };
}

const onQuestion = (terms: string[], extra: Partial<Detector> = {}): Detector =>
  ({ kind: 'avoid', terms: ['never'], when: { question: { terms } }, ...extra }) as Detector;
const onAnswer: Detector = { kind: 'avoid', terms: ['never'] };

const ids = (selected: ReturnType<typeof selectPrinciples>) => selected.map((s) => s.principle.id);

describe('selectPrinciples', () => {
  it('keeps enabled principles whose applies match; an unknown label matches nothing; no applies = universal', () => {
    const library = [
      principle('urgency.emergent-only', { applies: { urgency: ['emergent'] } }),
      principle('expertise.lay-only', { applies: { expertise: ['layperson'] } }),
      principle('universal.always'),
      principle('universal.switched-off', { disabled: true }),
    ];
    assert.deepEqual(ids(selectPrinciples(library, scenario({ urgency: 'emergent' }), 'help')).sort(), ['universal.always', 'urgency.emergent-only']);
    assert.deepEqual(ids(selectPrinciples(library, scenario(), 'help')), ['universal.always']);
  });

  it('ranks question-triggered principles first and drops those whose every trigger misses the question', () => {
    const library = [
      principle('universal.error-generic', { severity: 'error', rubric: { criterion: 'Generic but severe criterion.', points: -9, axis: 'accuracy' } }),
      principle('universal.chest', { severity: 'info', detect: [onQuestion(['chest pain'])] }),
      principle('universal.torsion', { severity: 'error', detect: [onQuestion(['testicle'])] }),
      principle('universal.mixed', { detect: [onQuestion(['testicle']), onAnswer] }),
    ];
    const selected = selectPrinciples(library, scenario(), 'I have chest pain');
    assert.deepEqual(ids(selected), ['universal.chest', 'universal.error-generic', 'universal.mixed']);
    assert.equal(selected[0]!.triggered, true);
    assert.match(selected[0]!.reason, /question/);
    assert.equal(selected[1]!.triggered, false);
  });

  it('a trigger does not fire when its unless.question or when.scenario rules it out', () => {
    const library = [
      principle('universal.unless', { detect: [onQuestion(['rash'], { unless: { question: { terms: ['dog'] } } })] }),
      principle('universal.scenario', { detect: [onQuestion(['rash'], { when: { question: { terms: ['rash'] }, scenario: { urgency: ['emergent'] } } })] }),
    ];
    assert.deepEqual(ids(selectPrinciples(library, scenario(), 'my dog has a rash')), []);
    assert.deepEqual(ids(selectPrinciples(library, scenario({ urgency: 'emergent' }), 'I have a rash')), ['universal.scenario', 'universal.unless']);
  });

  it('then scenario-bound before universal, then severity, then |points|, then id', () => {
    const rubric = (points: number) => ({ criterion: `Criterion worth ${points} points here.`, points, axis: 'accuracy' as const });
    const library = [
      principle('universal.b-info', { severity: 'info', rubric: rubric(9) }),
      principle('universal.a-warn-small', { rubric: rubric(3) }),
      principle('universal.a-warn-big', { rubric: rubric(-8) }),
      principle('universal.c-warn-big', { rubric: rubric(8) }),
      principle('urgency.bound-hint', { severity: 'hint', applies: { urgency: ['emergent'] }, rubric: rubric(2) }),
    ];
    assert.deepEqual(ids(selectPrinciples(library, scenario({ urgency: 'emergent' }), 'help')), [
      'urgency.bound-hint',
      'universal.a-warn-big',
      'universal.c-warn-big',
      'universal.a-warn-small',
      'universal.b-info',
    ]);
  });

  it('puts medicine principles last when the question mentions no medicine', () => {
    const library = [
      principle('universal.dose-units', { title: 'Write dose units unambiguously', severity: 'error' }),
      principle('universal.plain', { severity: 'info' }),
    ];
    assert.deepEqual(ids(selectPrinciples(library, scenario(), 'why is the sky blue for my eyes')), ['universal.plain', 'universal.dose-units']);
    assert.match(selectPrinciples(library, scenario(), 'why is the sky blue')[1]!.reason, /medicine/);
    assert.deepEqual(ids(selectPrinciples(library, scenario(), 'what dose of ibuprofen?')), ['universal.dose-units', 'universal.plain']);
  });

  it('on the bundled library: a chest-pain question gets the cardiac principle first and no testicular torsion', () => {
    const { principles } = loadPrinciples(join(__dirname, '..', '..', '..', 'principles'));
    const question = "I'm 58 and for the last 20 minutes I've had crushing chest pain that spreads to my left arm. I'm sweating.";
    const selected = selectPrinciples(principles, scenario({ urgency: 'emergent', expertise: 'layperson' }), question);
    assert.equal(selected[0]!.principle.id, 'urgency.chest-pain-cardiac-features');
    assert.ok(!ids(selected).includes('urgency.testicular-torsion'));
    assert.ok(selected.every((s) => s.reason.length > 0));
  });
});
