import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileLibrary } from '../../../src/core/lint/compileLibrary';
import { prepareCase } from '../../../src/core/lint/lintCase';
import { selectPrinciples } from '../../../src/core/lint/selectPrinciples';
import { bundledPrinciplesDir } from '../../../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import { caseProjectRoot } from '../../../src/core/project/caseProjectRoot';
import { openCase } from '../../../src/core/workflows/case';
import { notReady, WORKFLOW_NEEDS } from '../../../src/core/workflows/caseReadiness';

const text = `---
id: chest-1
prompt: I'm 58 and have had crushing chest pain for 20 minutes. What should I do?
rubric:
  - criterion: Advises calling emergency services immediately
    points: 10
    tags: [principle:urgency.unsafe-delay-advice]
---
<!-- Write the answer below. -->
Call emergency services now.
`;

describe('Case: one case object for every front end', () => {
  const library = compileLibrary(loadPrinciples(bundledPrinciplesDir()).principles);

  it('carries the document, answer, id, scenario (with evidence) and the applicable principles with reasons', () => {
    const c = openCase(library, { text, file: '/cases/chest.case.md' });
    assert.equal(c.id, 'chest-1');
    assert.equal(c.answer, 'Call emergency services now.');
    assert.equal(c.scenario.urgency, 'emergent');
    assert.ok(c.classification.evidence.urgency.length > 0);
    assert.ok(c.applicable.length > 0);
    assert.ok(c.applicable.every((s) => s.reason.length > 0));
  });

  it('agrees with the linter on the scenario and with selectPrinciples on what applies', () => {
    const c = openCase(library, { text, file: '/cases/chest.case.md' }, { defaultAudience: 'clinician' });
    const linted = prepareCase(library, text, { defaultAudience: 'clinician' });
    assert.deepEqual(c.classification.scenario, linted.classification.scenario);
    assert.equal(c.classification.evidence.expertise, 'default audience: clinician');
    assert.deepEqual(
      c.applicable.map((s) => s.principle.id),
      selectPrinciples(
        library.principles,
        linted.classification.scenario,
        linted.document.question,
        library.lexicon,
      ).map((s) => s.principle.id),
    );
  });

  it('prompt principles: the rubric’s principles first, then the top of the selection', () => {
    const last = openCase(library, { text, file: '/cases/chest.case.md' }).applicable.at(-1)!.principle.id;
    const c = openCase(library, {
      text: text.replace('principle:urgency.unsafe-delay-advice', `principle:${last}`),
      file: '/cases/chest.case.md',
    });
    assert.equal(c.promptPrinciples[0]!.id, last);
    assert.equal(c.promptPrinciples.length, 20);
  });

  it('reads the library only when a scenario or principle is asked for (grading needs neither)', () => {
    let loaded = 0;
    const c = openCase(() => (loaded++, library), { text, file: '/cases/chest.case.md' });
    assert.equal(c.answer, 'Call emergency services now.');
    assert.equal(loaded, 0);
    void c.scenario;
    void c.applicable;
    assert.equal(loaded, 1);
  });

  it('one readiness check: front matter, then question, answer and rubric as the workflow needs', () => {
    const open = (t: string) => openCase(library, { text: t, file: '/cases/x.case.md' });
    assert.equal(notReady(open(text), WORKFLOW_NEEDS.grade), undefined);
    assert.equal(notReady(open('---\nprompt: [\n---\nx'), WORKFLOW_NEEDS.check)?.need, 'front matter');
    assert.equal(notReady(open('---\nid: a\n---\nx'), WORKFLOW_NEEDS.check)?.need, 'question');
    assert.equal(
      notReady(open('---\nprompt: Chest pain?\n---\n<!-- Write the answer below. -->\n'), WORKFLOW_NEEDS.revise)?.need,
      'answer',
    );
    assert.equal(notReady(open('---\nprompt: Chest pain?\n---\nCall 911.\n'), WORKFLOW_NEEDS.grade)?.need, 'rubric');
    assert.equal(notReady(open('---\nprompt: Chest pain?\n---\nCall 911.\n'), WORKFLOW_NEEDS.revise), undefined);
  });
});

describe('caseProjectRoot: where a case’s history and grades go (editor and CLI alike)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'clinalign-root-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the nearest folder with .clinalign/, else the work folder, else the repository root, else the case’s folder', () => {
    mkdirSync(join(dir, 'repo', 'team', 'cases'), { recursive: true });
    const file = join(dir, 'repo', 'team', 'cases', 'a.case.md');
    assert.equal(caseProjectRoot(file), join(dir, 'repo', 'team', 'cases'));
    assert.equal(caseProjectRoot(file, join(dir, 'repo')), join(dir, 'repo'));
    assert.equal(
      caseProjectRoot(file, join(dir, 'elsewhere')),
      join(dir, 'repo', 'team', 'cases'),
      'a work folder the case is not in is ignored',
    );
    mkdirSync(join(dir, 'repo', '.git'));
    assert.equal(caseProjectRoot(file), join(dir, 'repo'));
    assert.equal(
      caseProjectRoot(file, join(dir, 'repo', 'team')),
      join(dir, 'repo', 'team'),
      'a workspace inside the repository',
    );
    assert.equal(
      caseProjectRoot(file, dir),
      join(dir, 'repo'),
      'a work folder above the repository is beyond export’s walk',
    );
    mkdirSync(join(dir, 'repo', 'team', '.clinalign'));
    assert.equal(caseProjectRoot(file, join(dir, 'repo')), join(dir, 'repo', 'team'));
  });
});
