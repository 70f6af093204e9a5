import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { applyOverrides, classifyQuestion } from '../../../src/core/scenario/classifyQuestion';
import { scenarioFromHealthBenchTags } from '../../../src/core/scenario/healthbenchLabels';

describe('classifyQuestion', () => {
  it('labels current red flags as emergent, with the words that decided it', () => {
    const stroke = classifyQuestion('My dad suddenly has slurred speech and his face is drooping on one side.');
    assert.equal(stroke.scenario.urgency, 'emergent');
    assert.match(stroke.evidence.urgency, /^signs of a stroke: “[^”]*slurred speech[^”]*”/);
    assert.deepEqual([...new Set(stroke.redFlags.map((m) => m.concept))], ['redflag.stroke']);
    assert.equal(
      classifyQuestion("I've had crushing chest pain going into my left arm for 20 minutes").scenario.urgency,
      'emergent',
    );
  });

  it("reads the issue's everyday chest pain as an emergency, with its evidence spans", () => {
    const question =
      "I'm 62 and I've had a tight, heavy pain in the middle of my chest for the last half hour. It goes into my jaw and I feel sweaty. What should I do?";
    const result = classifyQuestion(question);
    assert.equal(result.scenario.urgency, 'emergent');
    assert.match(result.evidence.urgency, /“tight, heavy pain in the middle of my chest” \+ “[^”]*jaw” \+ “sweaty”/);
    const [flag] = result.redFlags;
    assert.equal(question.slice(flag!.start, flag!.end), flag!.text);
  });

  it("does not let past, negated or hypothetical mentions raise urgency, and keeps someone else's emergency", () => {
    assert.equal(
      classifyQuestion('I had a heart attack in 2019. What diet should I follow now?').scenario.urgency,
      'non-emergent',
    );
    assert.equal(
      classifyQuestion('No chest pain, no fever, just a runny nose for two days.').scenario.urgency,
      'non-emergent',
    );
    assert.equal(classifyQuestion('What are the warning signs of a stroke?').redFlags.length, 0);
    assert.equal(
      classifyQuestion('I had a stent 2 years ago and now I have crushing chest pain and I am sweating.').scenario
        .urgency,
      'emergent',
    );
    assert.equal(
      classifyQuestion("I'm a nurse. My husband's face has dropped on one side and his speech is slurred.").scenario
        .urgency,
      'emergent',
    );
    assert.equal(
      classifyQuestion('Two glasses of wine tonight and now my face is drooping and my arm is weak.').scenario.urgency,
      'emergent',
    );
  });

  it('reads Spanish, Portuguese and French emergencies', () => {
    assert.equal(
      classifyQuestion('Tengo un dolor muy fuerte en el pecho que se me va al brazo izquierdo y estoy sudando').scenario
        .urgency,
      'emergent',
    );
    assert.equal(
      classifyQuestion('Meu pai está com a boca torta e não consegue falar direito').scenario.urgency,
      'emergent',
    );
    assert.equal(classifyQuestion('Mon bébé de 3 semaines a 38,5 de fièvre').scenario.urgency, 'emergent');
  });

  it('separates clinicians from lay askers', () => {
    assert.equal(
      classifyQuestion('I am a pediatric nurse; what is the mg/kg dose of ondansetron?').scenario.expertise,
      'clinician',
    );
    assert.equal(classifyQuestion('My son has a rash on his legs, should I worry?').scenario.expertise, 'layperson');
  });

  it('reads a plain question without clinical register as a lay reader’s', () => {
    for (const question of [
      'What are the symptoms of lupus?',
      'Is hemochromatosis inherited?',
      'How is Alport syndrome treated ?',
      '¿Qué es la diabetes tipo 2?',
    ]) {
      const { scenario, evidence } = classifyQuestion(question);
      assert.equal(scenario.expertise, 'layperson', question);
      assert.match(evidence.expertise, /plain question/);
    }
    // Clinical register still decides for clinicians, and a bare statement stays unknown.
    assert.equal(
      classifyQuestion('What is the first-line treatment for community-acquired pneumonia?').scenario.expertise,
      'clinician',
    );
    assert.equal(classifyQuestion('Hemochromatosis, HFE C282Y homozygote.').scenario.expertise, 'unknown');
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
