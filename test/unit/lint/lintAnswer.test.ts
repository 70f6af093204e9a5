import assert from 'node:assert/strict';
import { lintAnswer } from '../../../src/core/lint/lintAnswer';
import { sampleLibrary, scenario } from '../fixtureLibrary';

const library = sampleLibrary();
const lint = (answer: string, question = '', labels = scenario()) =>
  lintAnswer(library, { answer, question, scenario: labels });

describe('lintAnswer', () => {
  it('flags replace terms with a quick fix at the right offsets', () => {
    const answer = 'Take 10 IU q.d. with food.';
    const findings = lint(answer);
    assert.deepEqual(
      findings.map((f) => [f.principleId, answer.slice(f.start, f.end), f.fix?.replacement]),
      [
        ['universal.safe-abbreviations', 'IU', 'units'],
        ['universal.safe-abbreviations', 'q.d.', 'daily'],
      ],
    );
    assert.equal(findings[0]!.severity, 'error');
  });

  it("keeps the sentence's full stop when the replaced term ends one", () => {
    assert.equal(lint('Take 10 units q.d.')[0]!.fix!.replacement, 'daily.');
    assert.equal(lint('Take 10 units q.d. Then rest.')[0]!.fix!.replacement, 'daily.');
    assert.equal(lint('Take 10 units q.d. with food.')[0]!.fix!.replacement, 'daily');
  });

  it('respects word boundaries, including hyphenated words', () => {
    assert.equal(lint('The accident report was clear.').length, 0, '"cc" inside "accident" is not a hit');
    assert.equal(lint('Use the cc-style form.').length, 0, 'a hyphenated compound is not the term');
    assert.equal(lint('Draw up 5 cc.').length, 1);
  });

  it('keeps a capital letter when the replaced term starts a sentence', () => {
    const findings = lint('Hypertension is common.', '', scenario({ expertise: 'layperson' }));
    assert.equal(findings[0]!.fix!.replacement, 'High blood pressure');
  });

  it('only applies principles whose scenario labels match', () => {
    assert.equal(lint('Hypertension is common.', '', scenario({ expertise: 'clinician' })).length, 0);
    assert.equal(lint('Hypertension is common.', '', scenario({ expertise: 'unknown' })).length, 0);
    assert.equal(lint('Hypertension is common.', '', scenario({ expertise: 'layperson' })).length, 1);
  });

  it('avoid: terms and patterns, and unlessSentence skips negated sentences', () => {
    assert.deepEqual(
      lint('This pill will definitely cure you. It is a guaranteed cure.').map((f) => f.principleId),
      ['universal.no-cure-promises', 'universal.no-cure-promises'],
    );
    assert.equal(lint('There is no guaranteed cure. Rest helps.').length, 0);
    assert.match(lint('A guaranteed cure.')[0]!.message, /consider “can help many people”/);
  });

  it('require: triggered by the question, satisfied only within the first N sentences', () => {
    const emergent = scenario({ urgency: 'emergent' });
    const question = 'I have crushing chest pain and sweating.';
    const late = lint('Rest first. Drink water. Then call 911.', question, emergent);
    assert.equal(late.length, 1);
    assert.equal(late[0]!.principleId, 'urgency.call-emergency-for-chest-pain');
    assert.equal(late[0]!.start, 0);
    assert.equal(late[0]!.end, 'Rest first. Drink water.'.length);
    assert.equal(lint('Call 911 now. Chew an aspirin if told to.', question, emergent).length, 0);
    assert.equal(lint('Rest first.', 'I have a cold.', emergent).length, 0, 'no trigger in the question');
    assert.equal(lint('', question, emergent).length, 0, 'an empty answer is not flagged yet');
  });

  it('limit: flags each sentence over the bound', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Word${i}`).join(' ') + '.';
    const findings = lint(`Short one. ${long} Another short one.`, '', scenario({ expertise: 'layperson' }));
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /30 words; at most 25/);
  });

  it('ignores text inside HTML comments and code fences', () => {
    assert.equal(lint('<!-- take 5 cc -->\nFine.').length, 0);
    assert.equal(lint('```\n5 cc\n```\nFine.').length, 0);
  });

  it('disable comments silence findings by principle, by line and by range', () => {
    const id = 'universal.safe-abbreviations';
    assert.equal(lint(`<!-- clinalign-disable ${id} -->\nTake 5 cc.`).length, 0);
    assert.equal(lint(`<!-- clinalign-disable -->\nTake 5 cc.\n<!-- clinalign-enable -->\nTake 5 cc.`).length, 1);
    assert.equal(lint(`<!-- clinalign-disable-next-line ${id} -->\nTake 5 cc.\nTake 5 cc.`).length, 1);
    assert.equal(lint(`<!-- clinalign-disable other.id -->\nTake 5 cc.`).length, 1);
  });

  it('handles emoji, right-to-left text and CRLF line endings with correct offsets', () => {
    const answer = '👩‍⚕️ مرحبا\r\nTake 5 cc 🙂 today.';
    const [finding] = lint(answer);
    assert.equal(answer.slice(finding!.start, finding!.end), 'cc');
  });
});

describe('lintAnswer pattern scanning', () => {
  it('a pattern of an inactive or another detector never hides a match of an active one', async () => {
    const { compileLibrary } = await import('../../../src/core/lint/compileLibrary');
    const base = sampleLibrary().principles.find((p) => p.id === 'universal.no-cure-promises')!;
    const inactive = {
      ...base,
      id: 'urgency.long',
      dimension: 'urgency' as const,
      applies: { urgency: ['emergent' as const] },
      detect: [{ kind: 'avoid' as const, patterns: ['\\bfoo bar\\b'] }],
    };
    const active = {
      ...base,
      id: 'universal.short',
      detect: [{ kind: 'avoid' as const, patterns: ['\\bfoo\\b', '\\bbar today\\b'] }],
    };
    const library = compileLibrary([inactive, active]);
    const findings = lintAnswer(library, { answer: 'I said foo bar today.', question: '', scenario: scenario() });
    assert.deepEqual(
      findings.map((f) => [f.principleId, f.start, f.end]),
      [
        ['universal.short', 7, 10],
        ['universal.short', 11, 20],
      ],
    );
    const emergent = lintAnswer(library, {
      answer: 'I said foo bar today.',
      question: '',
      scenario: scenario({ urgency: 'emergent' }),
    });
    assert.equal(emergent.length, 3);
  });
});
