import assert from 'node:assert/strict';
import { applyOverrides, classifyQuestion } from '../../../src/core/scenario/classifyQuestion';
import { scenarioRows, scenarioSummary } from '../../../src/core/scenario/describeScenario';
import { scenarioReport } from '../../../src/core/scenario/scenarioReport';
import { selectPrinciples } from '../../../src/core/lint/selectPrinciples';
import { sampleLibrary, scenario } from '../fixtureLibrary';

describe('scenario report', () => {
  it('summarises the four labels in order, unknown included', () => {
    assert.equal(
      scenarioSummary(scenario({ urgency: 'emergent', expertise: 'layperson' })),
      'urgency: emergent · uncertainty: unknown · expertise: layperson · task: unknown',
    );
  });

  it('gives each dimension its confidence, source and evidence', () => {
    const question = "I'm 58 and have crushing chest pain. What should I do?";
    const classification = applyOverrides(classifyQuestion(question), {
      audience: 'layperson',
      scenario: { task: 'advice' },
    });
    const rows = scenarioRows(classification);
    assert.deepEqual(
      rows.map((r) => r.dimension),
      ['urgency', 'uncertainty', 'expertise', 'task'],
    );
    assert.match(rows[0]!.confidenceText, /^\d+% · offline rules$/);
    assert.match(rows[0]!.evidence, /chest/);
    assert.equal(rows[2]!.confidenceText, '100% · the case’s audience');
    assert.equal(rows[3]!.confidenceText, '100% · set by a reviewer');
    const unknown = scenarioRows(classifyQuestion(''));
    assert.equal(unknown[0]!.confidenceText, 'unknown · offline rules');
  });

  it('counts the principles the scenario selects and states the model endpoint', () => {
    const { principles } = sampleLibrary();
    const report = (urgency: 'emergent' | 'non-emergent') => {
      const classification = applyOverrides(classifyQuestion(''), { scenario: { urgency } });
      return scenarioReport(
        classification,
        selectPrinciples(principles, classification.scenario, 'I have crushing chest pain.').length,
      );
    };
    const emergent = report('emergent');
    const calm = report('non-emergent');
    assert.ok(
      emergent.applicablePrinciples > calm.applicablePrinciples,
      `${emergent.applicablePrinciples} vs ${calm.applicablePrinciples}`,
    );
    assert.equal(emergent.model, 'not configured');
    assert.equal(emergent.detail, `${emergent.applicablePrinciples} principles apply · model: not configured`);
  });
});
