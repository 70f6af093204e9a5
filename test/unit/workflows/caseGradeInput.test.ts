import assert from 'node:assert/strict';
import { parseCase } from '../../../src/core/case/parseCase';
import { caseGradeInput } from '../../../src/core/workflows/caseGradeInput';
import { EmptyAnswerError, gradeAnswer } from '../../../src/core/workflows/gradeAnswer';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { scriptedModel } from '../../support/scriptedModel';
import { testClient } from '../model/modelTestSetup';

const caseText = (
  body: string,
  rubric = '\nrubric:\n  - criterion: Advises calling emergency services\n    points: 10',
) => `---\nprompt: Crushing chest pain for 20 minutes?${rubric}\n---\n${body}`;

describe('caseGradeInput: what grading a case sends (CLI and editor)', () => {
  it('the answer as export writes it: no final line break, no ClinAlign comments', () => {
    const prepared = caseGradeInput(
      parseCase(caseText('<!-- clinalign-disable-next-line -->\nCall emergency services now.\n')),
    );
    assert.ok('input' in prepared);
    assert.equal(prepared.input.answer, 'Call emergency services now.');
    assert.equal(prepared.input.rubric.length, 1);
    assert.equal(prepared.input.conversation[0]!.content, 'Crushing chest pain for 20 minutes?');
  });

  it('skips an empty answer (blank or only ClinAlign comments) and a case without a rubric', () => {
    assert.deepEqual(caseGradeInput(parseCase(caseText(''))), { skip: 'no answer to grade' });
    assert.deepEqual(caseGradeInput(parseCase(caseText('\n  \n'))), { skip: 'no answer to grade' });
    assert.deepEqual(caseGradeInput(parseCase(caseText('<!-- Write the answer below. -->\n'))), {
      skip: 'no answer to grade',
    });
    assert.deepEqual(caseGradeInput(parseCase(caseText('Call 911.\n', ''))), { skip: 'no rubric' });
  });

  describe('gradeAnswer refuses an empty answer before any judge call', () => {
    let server: OpenAiTestServer;
    before(async () => (server = await OpenAiTestServer.start({ script: scriptedModel() })));
    after(() => server.close());

    it('throws EmptyAnswerError and sends nothing', async () => {
      const rubric = [{ criterion: 'Advises calling emergency services', points: 10, tags: [] }];
      await assert.rejects(
        gradeAnswer(testClient(server), {
          conversation: [{ role: 'user', content: 'Chest pain?' }],
          answer: ' \n',
          rubric,
        }),
        EmptyAnswerError,
      );
      assert.equal(server.chatRequests.length, 0);
    });
  });
});
