import assert from 'node:assert/strict';
import { join } from 'node:path';
import { clinalign, workspaceFactory } from './cliHarness';
import { FIXTURES } from '../fixtureLibrary';

const workspace = workspaceFactory('clinalign-cli-');

const SAMPLE = ['--no-bundled', '--principles', join(FIXTURES, 'principles')];

describe('clinalign CLI', function () {
  this.timeout(30000);

  it('lint --format json prints the stable record shape with 1-based positions, exit 1 on errors', () => {
    const dir = workspace({
      'a.case.md': '---\nprompt: How much insulin?\n---\nGive 10 IU\ndaily.\n',
      'notes/b.md': 'Nothing here.\n',
    });
    const { code, stdout } = clinalign(['lint', '.', '--format', 'json', ...SAMPLE], dir);
    const records = JSON.parse(stdout);
    const hit = records.find((r: { principle: string }) => r.principle === 'universal.safe-abbreviations');
    assert.deepEqual(Object.keys(hit).sort(), [
      'column',
      'endColumn',
      'endLine',
      'file',
      'line',
      'message',
      'principle',
      'severity',
    ]);
    assert.equal(hit.file, join(dir, 'a.case.md'));
    assert.deepEqual([hit.line, hit.column, hit.endLine, hit.endColumn], [4, 9, 4, 11]);
    assert.equal(hit.severity, 'error');
    assert.equal(code, 1);
  });

  it('text output is file:line:col and exit 0 when clean', () => {
    const dir = workspace({ 'ok.case.md': '---\nprompt: Hi\n---\nAll fine.\n' });
    const clean = clinalign(['lint', 'ok.case.md', ...SAMPLE], dir);
    assert.equal(clean.code, 0, clean.stderr);
    assert.match(clean.stdout, /1 file checked, no findings/);
  });

  it('--audience sets the audience of cases that name none (a folder of lay or clinical material)', () => {
    // A clinician's shorthand: lay-reader principles apply only when the material is for lay readers.
    const dir = workspace({
      'plain.case.md':
        '---\nprompt: Metformin dosing after the new diagnosis.\n---\nTake metformin 500 mg PO BID with meals.\n',
      'own.case.md':
        '---\naudience: clinician\nprompt: Metformin dosing after the new diagnosis.\n---\nTake metformin 500 mg PO BID with meals.\n',
    });
    const principlesOf = (args: string[]) =>
      (
        JSON.parse(clinalign(['lint', '.', '--format', 'json', ...args], dir).stdout) as {
          file: string;
          principle: string;
        }[]
      )
        .filter((r) => r.principle === 'expertise.dosing-instructions-in-words')
        .map((r) => r.file.replace(/.*[\\/]/, ''));
    assert.deepEqual(principlesOf([]), []);
    assert.deepEqual(
      [...new Set(principlesOf(['--audience', 'layperson']))],
      ['plain.case.md'],
      'the case’s own audience wins',
    );
    assert.deepEqual(principlesOf(['--audience', 'clinician']), []);
    assert.equal(clinalign(['lint', '.', '--audience', 'nurses'], dir).code, 2);
  });

  it('honours the team’s lint: section of .clinalign/config.yaml, as the editor does', () => {
    const answer = '---\nprompt: How much insulin?\n---\nGive 10 IU daily.\n';
    const severities = (dir: string) =>
      (
        JSON.parse(clinalign(['lint', '.', '--format', 'json', ...SAMPLE], dir).stdout) as {
          principle: string;
          severity: string;
        }[]
      )
        .filter((r) => r.principle === 'universal.safe-abbreviations')
        .map((r) => r.severity);
    assert.deepEqual(severities(workspace({ 'a.case.md': answer })), ['error']);
    const lowered = workspace({
      'cases/a.case.md': answer,
      '.clinalign/config.yaml': 'lint:\n  severity:\n    universal.safe-abbreviations: warning\n',
    });
    assert.deepEqual(severities(lowered), ['warning']);
    assert.equal(clinalign(['lint', '.', ...SAMPLE], lowered).code, 0, 'a warning is no failure');
    const off = workspace({
      'a.case.md': answer,
      '.clinalign/config.yaml': 'model: gpt-4.1\nlint:\n  disable: [universal.safe-abbreviations]\n',
    });
    assert.deepEqual(severities(off), []);
    const broken = clinalign(
      ['lint', '.', ...SAMPLE],
      workspace({ 'a.case.md': answer, '.clinalign/config.yaml': 'lint:\n  severity:\n    universal: loud\n' }),
    );
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /config\.yaml: lint\.severity\.universal: /);
  });

  it('--max-warnings turns warnings into a failure', () => {
    const dir = workspace({ 'w.case.md': 'This is a guaranteed cure.\n' });
    assert.equal(clinalign(['lint', '.', ...SAMPLE], dir).code, 0);
    const strict = clinalign(['lint', '.', '--max-warnings', '0', ...SAMPLE], dir);
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /w\.case\.md:1:11: warning/);
  });

  it('reports broken front matter as file:line:col and keeps going', () => {
    const dir = workspace({ 'bad.case.md': '---\naudience: martian\n---\nTake 5 cc.\n' });
    const { code, stdout } = clinalign(['lint', '.', ...SAMPLE], dir);
    assert.equal(code, 1);
    assert.match(stdout, /bad\.case\.md:2:11: error audience/);
    assert.match(stdout, /bad\.case\.md:4:8: error/, 'the body is still linted');
  });

  it('sarif output is SARIF 2.1.0 with rules and regions', () => {
    const dir = workspace({ 'a.case.md': 'Take 5 cc.\n' });
    const sarif = JSON.parse(clinalign(['lint', '.', '--format', 'sarif', ...SAMPLE], dir).stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.rules[0].id, 'universal.safe-abbreviations');
    assert.deepEqual(run.results[0].locations[0].physicalLocation.region, {
      startLine: 1,
      startColumn: 8,
      endLine: 1,
      endColumn: 10,
    });
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'a.case.md');
  });

  it('usage errors exit 2', () => {
    const dir = workspace({});
    assert.equal(clinalign(['lint', '--format', 'xml'], dir).code, 2);
    assert.equal(clinalign(['lint', 'missing-folder'], dir).code, 2);
    assert.equal(clinalign(['frobnicate'], dir).code, 2);
  });

  it('a broken team principle file is reported with its location, exit 2, and linting still runs', () => {
    const dir = workspace({
      '.clinalign/principles/team.yaml': 'group: t\nprinciples:\n  - id: universal.x\n    title: [\n',
      'a.case.md': 'Take 5 cc.\n',
    });
    const { code, stdout, stderr } = clinalign(['lint', '.', ...SAMPLE], dir);
    assert.equal(code, 2);
    assert.match(stderr, /team\.yaml:\d+:\d+: /);
    assert.match(stdout, /a\.case\.md:1:8: error/);
  });

  it('principles list/show/validate work on a library', () => {
    const dir = workspace({});
    const list = JSON.parse(clinalign(['principles', 'list', '--format', 'json', ...SAMPLE], dir).stdout);
    const sample = list.find((p: { id: string }) => p.id === 'universal.safe-abbreviations');
    assert.deepEqual(sample.detectors, ['replace']);
    assert.equal(sample.line, 4);
    const show = clinalign(['principles', 'show', 'universal.safe-abbreviations', ...SAMPLE], dir);
    assert.match(show.stdout, /ISMP List of Error-Prone Abbreviations/);
    assert.equal(clinalign(['principles', 'show', 'universal.nope', ...SAMPLE], dir).code, 2);
    const validate = clinalign(['principles', 'validate', '--no-bundled', join(FIXTURES, 'principles')], dir);
    assert.equal(validate.code, 0, validate.stderr);
    assert.match(validate.stdout, /5 principles valid/);
  });

  it('principles validate fails on a principle whose example its detector does not flag', () => {
    const dir = workspace({
      'p/bad.yaml': `group: t
principles:
  - id: universal.never-flags
    title: A detector that misses its example
    dimension: universal
    statement: Something checkable here.
    rationale: A clinical reason for it.
    severity: warning
    rubric: { criterion: Does the checkable thing., points: 3, axis: accuracy }
    detect: [{ kind: avoid, terms: [zebra] }]
    examples:
      - { answer: A horse., violates: true }
      - { answer: A cow., violates: false }
    sources: [A real standard]
`,
    });
    const result = clinalign(['principles', 'validate', join(dir, 'p')], dir);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /bad\.yaml:3:\d+: universal\.never-flags: example 1: violating example is not flagged/);
  });

  it('classify prints the four labels as JSON', () => {
    const dir = workspace({
      'c.case.md': '---\naudience: clinician\nprompt: My patient has crushing chest pain radiating to the jaw.\n---\n',
    });
    const result = JSON.parse(clinalign(['classify', 'c.case.md', '--format', 'json'], dir).stdout);
    assert.equal(result.scenario.urgency, 'emergent');
    assert.equal(result.scenario.expertise, 'clinician');
    assert.equal(result.source.expertise, 'audience');
    // The Case's applicable principles, with why each applies (what the editor's explorer ticks).
    assert.ok(
      result.applicable.some((a: { reason: string }) => /^the question mentions “[^”]*chest/.test(a.reason)),
      JSON.stringify(result.applicable.slice(0, 5)),
    );
    assert.ok(result.applicable.every((a: { reason: string }) => a.reason.length > 0));
  });
});
