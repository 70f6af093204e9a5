import assert from 'node:assert/strict';
import { compileLibrary } from '../../../src/core/lint/compileLibrary';
import { bundledPrinciplesDir } from '../../../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import { openCase } from '../../../src/core/workflows/case';
import { reviseCase } from '../../../src/core/workflows/reviseCase';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { scriptedModel, section } from '../../support/scriptedModel';
import { testClient } from '../model/modelTestSetup';

const rubric = `rubric:
  - criterion: Advises calling emergency services immediately
    points: 10
  - criterion: Mentions chewing aspirin if not allergic
    points: 7
`;
const caseText = (body: string, withRubric = true) =>
  `---\nprompt: I'm 58 and have had crushing chest pain for 20 minutes. What should I do?\n${withRubric ? rubric : ''}---\n${body}`;
const draft = 'Call emergency services now.\n';

describe('reviseCase: one revise policy for the CLI and the editor', function () {
  let server: OpenAiTestServer;
  const library = compileLibrary(loadPrinciples(bundledPrinciplesDir()).principles);
  const open = (text: string) => openCase(library, { text, file: '/cases/chest.case.md' });
  before(async () => (server = await OpenAiTestServer.start({ script: scriptedModel() })));
  after(() => server.close());
  beforeEach(() => server.reset());
  const schemas = () => server.chatRequests.map((r) => r.body?.response_format?.json_schema?.name ?? 'other');

  it('with a rubric, at the default of one round: grades, revises, re-grades and keeps a revision that scores higher', async () => {
    const result = await reviseCase(testClient(server), open(caseText(draft)), { library });
    assert.equal(result.rounds, 1);
    assert.ok(result.changed);
    assert.ok(result.scoreAfter! > result.scoreBefore!, `${result.scoreBefore} → ${result.scoreAfter}`);
    assert.match(result.answer, /mentions/); // the scripted reviser adds a keyword of the unmet item
    // Draft judged on 2 items, one revision, the revision judged on the item it was not yet judged on.
    assert.equal(schemas().filter((s) => s === 'revise_answer').length, 1);
    assert.ok(schemas().filter((s) => s === 'grade_item').length >= 3);
  });

  it('with a rubric, a revision that does not score higher is not offered: the draft comes back unchanged', async () => {
    const sameScore = scriptedModel({
      revise_answer: (_, user) => ({
        content: {
          revised_answer: `${section(user, 'Draft answer')} Please rest.`,
          addressed_principles: [],
          summary: 'Reworded.',
        },
      }),
    });
    server.script = sameScore;
    try {
      const result = await reviseCase(testClient(server), open(caseText(draft)), { library });
      assert.equal(result.changed, false);
      assert.equal(result.answer, draft);
      assert.equal(result.stoppedBecause, 'no-improvement');
      assert.equal(result.summary, 'not kept: Reworded.');
    } finally {
      server.script = scriptedModel();
    }
  });

  it('without a rubric: one ungraded revision, checked by the safety gate (dropping the emergency call is reported)', async () => {
    server.script = scriptedModel({
      revise_answer: () => ({
        content: {
          revised_answer: 'Rest and see how you feel tomorrow.',
          addressed_principles: [],
          summary: 'Calmer.',
        },
      }),
    });
    try {
      const result = await reviseCase(testClient(server), open(caseText(draft, false)), { library });
      assert.equal(result.stoppedBecause, 'single-round');
      assert.equal(result.scoreBefore, null);
      assert.ok(result.changed);
      assert.ok(
        result.unsafe.some((reason) => /drops/.test(reason)),
        result.unsafe.join('; '),
      );
      assert.deepEqual(schemas(), ['revise_answer']);
    } finally {
      server.script = scriptedModel();
    }
  });

  it('against one principle: no grading even with a rubric, and only that principle is in the prompt', async () => {
    const c = open(caseText(draft));
    const only = [c.promptPrinciples[0]!];
    await reviseCase(testClient(server), c, { library, only });
    assert.deepEqual(schemas(), ['revise_answer']);
    const prompt = server.chatRequests[0]!.body!.messages.at(-1)!.content;
    assert.match(prompt, new RegExp(`- ${only[0]!.id.replace(/\./g, '\\.')} — `));
    assert.equal([...prompt.matchAll(/^- \S+ — /gm)].length, 1);
  });

  it('the findings the front end shows go into the prompt', async () => {
    const c = open(caseText(draft, false));
    await reviseCase(testClient(server), c, { library });
    const prompt = server.chatRequests[0]!.body!.messages.at(-1)!.content;
    await reviseCase(testClient(server), c, {
      library,
      findings: [{ principleId: c.promptPrinciples[0]!.id, quote: 'Call', message: 'a finding the editor shows' }],
    });
    const withFinding = server.chatRequests.at(-1)!.body!.messages.at(-1)!.content;
    assert.match(withFinding, /a finding the editor shows/);
    assert.doesNotMatch(prompt, /a finding the editor shows/);
  });
});
