import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RecognitionCache } from '../../../src/core/concepts/recognitionCache';
import { SMALL_LEXICON, testLexicon } from './testLexicon';

const lexicon = testLexicon(SMALL_LEXICON);
const mentionsOf = (text: string, concept: string) =>
  lexicon.recognise(text).mentions.filter((m) => m.concept === concept);
const current = (text: string, concept: string) => mentionsOf(text, concept).some((m) => m.current);

describe('concept recogniser', () => {
  it('loads the test lexicon without problems', () => {
    assert.deepEqual(lexicon.problems, []);
  });

  it('finds a multi-part red flag written in everyday words, with its span', () => {
    const text = "I'm 62 and I've had a tight, heavy pain in the middle of my chest for the last half hour.";
    const [mention] = mentionsOf(text, 'redflag.cardiac-chest-pain');
    assert.ok(mention?.current);
    assert.equal(mention.text, 'tight, heavy pain in the middle of my chest');
  });

  it('ignores case, accents, apostrophes and hyphens', () => {
    assert.ok(current('DOLOR EN EL PÉCHO desde ayer', 'redflag.cardiac-chest-pain'));
    assert.ok(current('my 5-week-old is hot', 'population.infant-under-3-months'));
    assert.ok(current('she was born 5 weeks ago', 'population.infant-under-3-months'));
    assert.ok(!current('she was born 15 weeks ago', 'population.infant-under-3-months'));
    assert.ok(current('Ring 999', 'action.call-emergency'));
  });

  it('marks negated mentions (NegEx) and keeps the rest current', () => {
    assert.ok(!current('No chest pain, just a cough.', 'redflag.cardiac-chest-pain'));
    assert.ok(!current('He denies chest pain.', 'redflag.cardiac-chest-pain'));
    assert.ok(!current("Don't wait and see.", 'action.wait-and-see'));
    assert.ok(current("I don't know what this is but my chest is so heavy", 'redflag.cardiac-chest-pain'));
    assert.ok(current('No fever, but crushing chest pain', 'redflag.cardiac-chest-pain'));
  });

  it('marks hypothetical mentions: a conditional sentence to its end, an embedded condition to its clause', () => {
    assert.ok(!current('What should I do if someone gets chest pain?', 'redflag.cardiac-chest-pain'));
    assert.ok(current('What should I do if my chest feels heavy and tight?', 'redflag.cardiac-chest-pain'));
    // "If it gets worse, call 911" is the late, conditional referral a red flag must not get.
    assert.ok(
      lexicon
        .recognise('If the pain gets worse, call 911.')
        .mentions.find((m) => m.concept === 'action.call-emergency')!.hypothetical,
    );
    const recognition = lexicon.recognise('Call 911 now, and if you get chest pain again, chew an aspirin.');
    assert.ok(recognition.mentions.find((m) => m.concept === 'redflag.cardiac-chest-pain')!.hypothetical);
    assert.ok(recognition.mentions.find((m) => m.concept === 'action.call-emergency')!.current);
  });

  it('marks historical mentions, and "now" ends their scope', () => {
    assert.ok(!current('I had chest pain 2 years ago.', 'redflag.cardiac-chest-pain'));
    assert.ok(!current('History of chest pain.', 'redflag.cardiac-chest-pain'));
    assert.ok(current('I had a stent 2 years ago and now I have crushing chest pain.', 'redflag.cardiac-chest-pain'));
  });

  it("records someone else's emergency without suppressing it", () => {
    const [mention] = mentionsOf('My husband has crushing chest pain', 'redflag.cardiac-chest-pain');
    assert.ok(mention?.current && mention.otherPerson);
  });

  it('detects the language of a question', () => {
    assert.equal(lexicon.recognise('Tengo un dolor en el pecho muy fuerte desde hace una hora').language, 'es');
    assert.equal(lexicon.recognise('Estou com uma dor no peito muito forte e falta de ar').language, 'pt');
    assert.equal(lexicon.recognise("J'ai une douleur dans la poitrine depuis une heure").language, 'fr');
    assert.equal(lexicon.recognise('I have a pain in my chest and it is bad').language, 'en');
  });

  it('reports broken entries, unknown ids and cycles at their lines and keeps the rest', () => {
    const broken = testLexicon(`
concepts:
  - id: body.chest
    kind: body
    label: chest
    terms: { en: [chest] }
  - id: feature.a
    kind: feature
    label: part a
    combos: [{ all: [{ concept: feature.b }, { concept: body.chest }] }]
  - id: feature.b
    kind: feature
    label: part b
    combos: [{ all: [{ concept: feature.a }, { concept: body.chest }] }]
  - id: feature.c
    kind: feature
    label: part c
    combos: [{ all: [{ concept: feature.nope }, { concept: body.chest }] }]
  - id: redflag.x
    kind: red-flag
    label: no urgency given
    terms: { en: [x*] }
`);
    const messages = broken.problems.map((p) => `${p.line + 1}: ${p.message}`);
    assert.ok(
      messages.some((m) => /cycle: feature\.\w → feature\.\w → feature\.\w/.test(m)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => /^15: feature\.c: combo names unknown concept "feature.nope"/.test(m)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => /^19: .*prefix “x\*” is shorter than 3 letters/.test(m) || /^19: .*red flag needs/.test(m)),
      messages.join('\n'),
    );
    assert.ok(broken.recognise('my chest').mentions.some((m) => m.concept === 'body.chest'));
  });

  it('paragraph by paragraph (the keystroke path) finds exactly what the whole text gives', () => {
    const cache = new RecognitionCache(lexicon);
    const paragraph = fc.constantFrom(
      'Call 911 now.',
      'No chest pain.',
      'If you get chest pain, call 911.',
      'My 5-week-old is hot.',
      "Don't wait and see.",
      'Crushing chest pain, sweaty.',
      '',
    );
    fc.assert(
      fc.property(
        fc.array(paragraph, { maxLength: 6 }),
        fc.constantFrom('\n\n', '\n \n', '\n\n\n'),
        (paragraphs, gap) => {
          const text = paragraphs.join(gap);
          const shape = (r: ReturnType<typeof lexicon.recognise>) =>
            r.mentions.map((m) => [m.concept, m.start, m.end, m.current, m.negated, m.hypothetical]);
          assert.deepEqual(shape(cache.recogniseByParagraph(text)), shape(lexicon.recognise(text)));
        },
      ),
    );
  });

  it('is linear in the text: 200,000 words of red flags are recognised in well under a second', () => {
    const text = 'crushing chest pain no sweating if you call 911 then wait and see. '.repeat(15_000);
    const started = performance.now();
    const recognition = lexicon.recognise(text);
    assert.ok(recognition.mentions.length > 15_000);
    assert.ok(performance.now() - started < 5_000);
  });
});
