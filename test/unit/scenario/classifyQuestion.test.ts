import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { applyOverrides, classifyQuestion } from '../../../src/core/scenario/classifyQuestion';
import { scenarioFromHealthBenchTags } from '../../../src/core/scenario/healthbenchLabels';

describe('classifyQuestion', () => {
  it('labels red flags by body system as emergent, with the evidence', () => {
    const stroke = classifyQuestion('My dad suddenly has slurred speech and his face is drooping on one side.');
    assert.equal(stroke.scenario.urgency, 'emergent');
    assert.match(stroke.evidence.urgency, /neurological/);
    assert.equal(classifyQuestion("I've had crushing chest pain going into my left arm for 20 minutes").scenario.urgency, 'emergent');
  });

  it('separates clinicians from lay askers', () => {
    assert.equal(classifyQuestion('I am a pediatric nurse; what is the mg/kg dose of ondansetron?').scenario.expertise, 'clinician');
    assert.equal(classifyQuestion('My son has a rash on his legs, should I worry?').scenario.expertise, 'layperson');
  });

  it('recognises documentation tasks and does not call them emergencies', () => {
    const note = classifyQuestion('Write a discharge summary for a patient admitted with an opioid overdose.');
    assert.equal(note.scenario.task, 'health-data');
    assert.equal(note.scenario.urgency, 'non-emergent');
  });

  it('says unknown, with zero confidence, when the question gives nothing to go on', () => {
    const empty = classifyQuestion('');
    for (const dimension of ['urgency', 'uncertainty', 'expertise', 'task'] as const) {
      assert.equal(empty.scenario[dimension], 'unknown');
      assert.equal(empty.confidence[dimension], 0);
    }
  });

  it('lets audience and a reviewer override the rules', () => {
    const offline = classifyQuestion('My son has a rash on his legs, should I worry?');
    const result = applyOverrides(offline, { audience: 'clinician', scenario: { urgency: 'emergent' } });
    assert.equal(result.scenario.expertise, 'clinician');
    assert.equal(result.source.expertise, 'audience');
    assert.equal(result.scenario.urgency, 'emergent');
    assert.equal(result.source.urgency, 'reviewer');
    assert.equal(result.confidence.urgency, 1);
    assert.equal(offline.scenario.expertise, 'layperson', 'the offline result is not mutated');
  });

  it('maps HealthBench physician categories to scenario labels', () => {
    assert.deepEqual(
      scenarioFromHealthBenchTags(['theme:hedging', 'physician_agreed_category:any-reducible-uncertainty']),
      { uncertainty: 'reducible' },
    );
    assert.deepEqual(scenarioFromHealthBenchTags(['theme:health_data_tasks']), { task: 'health-data' });
  });

  it('agrees with the physician tags of the HealthBench sample on at least 75% of labels', function () {
    this.timeout(30000);
    const script = join(__dirname, '..', '..', '..', 'scripts', 'classifier-report.ts');
    const report = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' }));
    assert.ok(report.physicianTags.overall >= 0.75, `physician-tag accuracy ${report.physicianTags.overall}`);
    assert.ok(report.teamLabels.overall >= 0.6, `team-label accuracy ${report.teamLabels.overall}`);
  });
});
