import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCase } from '../../../src/core/case/parseCase';
import { lintAnswer } from '../../../src/core/lint/lintAnswer';
import { lintCase } from '../../../src/core/lint/lintCase';
import { SCENARIO_LABELS } from '../../../src/core/scenario/labels';
import { sampleLibrary } from '../fixtureLibrary';

const library = sampleLibrary();

/** Text that mixes prose, medical tokens, Markdown, comments, emoji, RTL, CRLF and front-matter fences. */
const medicalText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(
        '5 cc',
        'q.d.',
        '10 IU',
        'hypertension',
        'guaranteed cure',
        'chest pain',
        'call 911',
        '. ',
        '\n\n',
        '\r\n',
        '---\n',
        '<!-- clinalign-disable -->',
        '<!-- clinalign-enable',
        '```\n',
        '- ',
        '# ',
        '👩‍⚕️',
        'مرحبا',
        'ß',
        'İ',
        '\uFEFF',
      ),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const scenario = fc.record({
  urgency: fc.constantFrom(...SCENARIO_LABELS.urgency, 'unknown' as const),
  uncertainty: fc.constantFrom(...SCENARIO_LABELS.uncertainty, 'unknown' as const),
  expertise: fc.constantFrom(...SCENARIO_LABELS.expertise, 'unknown' as const),
  task: fc.constantFrom(...SCENARIO_LABELS.task, 'unknown' as const),
});

describe('robustness (property-based)', function () {
  // Hundreds of generated inputs: generous time on a busy machine.
  this.timeout(120000);
  it('lintAnswer never throws and keeps every finding and fix inside the text', () => {
    fc.assert(
      fc.property(medicalText, medicalText, scenario, (answer, question, labels) => {
        for (const f of lintAnswer(library, { answer, question, scenario: labels })) {
          assert.ok(
            0 <= f.start && f.start <= f.end && f.end <= answer.length,
            `${f.start}-${f.end} in ${answer.length}`,
          );
          if (f.fix) assert.ok(0 <= f.fix.start && f.fix.end <= answer.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('parseCase and lintCase never throw; the body and findings lie inside the document', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          medicalText,
          medicalText.map((t) => `---\n${t}\n---\n${t}`),
        ),
        (text) => {
          const document = parseCase(text);
          assert.ok(document.bodyStart >= 0 && document.bodyStart <= text.length);
          assert.equal(text.slice(document.bodyStart), document.body);
          for (const f of lintCase(library, text).findings) {
            assert.ok(document.bodyStart <= f.start && f.end <= text.length);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
