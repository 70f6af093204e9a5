import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clinalignAsync } from './cliHarness';

// A cloned repository's team principle with a catastrophic-backtracking pattern: on a backtracking engine
// `(a+)+b` takes minutes on 40 "a"s and a "!"; it must run in linear time (or be refused), never hang lint.
const HOSTILE = `group: team
principles:
  - id: universal.team-hostile-pattern
    title: Hostile pattern
    dimension: universal
    statement: Flags a run of a's before a b.
    rationale: A probe for catastrophic backtracking.
    severity: warning
    rubric: { criterion: Never used., points: 1, axis: accuracy }
    detect:
      - kind: avoid
        message: hostile
        patterns: ['(a+)+b']
    examples:
      - { answer: aaab, violates: true }
      - { answer: An end., violates: false }
    sources: [none]
`;

describe('CLI: a hostile team pattern', () => {
  let project: string;
  before(() => {
    project = mkdtempSync(join(tmpdir(), 'clinalign-hostile-'));
    mkdirSync(join(project, '.git'));
    mkdirSync(join(project, '.clinalign', 'principles'), { recursive: true });
    writeFileSync(join(project, '.clinalign', 'principles', 'hostile.yaml'), HOSTILE);
    writeFileSync(
      join(project, 'probe.case.md'),
      `---\nid: probe\nprompt: What is this?\n---\nAnswer ${'a'.repeat(40)}!\n`,
    );
    writeFileSync(
      join(project, 'match.case.md'),
      `---\nid: match\nprompt: What is this?\n---\nAnswer ${'a'.repeat(40)}b\n`,
    );
  });
  after(() => rmSync(project, { recursive: true, force: true }));

  it('lints in linear time and still finds real matches', async () => {
    const started = Date.now();
    const result = await clinalignAsync(['lint', '--format', 'json', '.'], project, process.env);
    assert.ok(Date.now() - started < 15_000, `lint took ${Date.now() - started} ms`);
    const records = JSON.parse(result.stdout) as { file: string; principle: string }[];
    const hostile = records
      .filter((r) => r.principle === 'universal.team-hostile-pattern')
      .map((r) => r.file.replace(/.*[\\/]/, ''));
    assert.deepEqual(hostile, ['match.case.md']);
  });

  it('principles validate accepts it (it runs on the linear engine) and refuses a lookaround pattern it cannot prove', async () => {
    const lookaround = HOSTILE.replace("'(a+)+b'", "'(?=(a+)+$)a'").replace(
      'universal.team-hostile-pattern',
      'universal.team-hostile-lookaround',
    );
    writeFileSync(join(project, '.clinalign', 'principles', 'lookaround.yaml'), lookaround);
    const result = await clinalignAsync(
      ['principles', 'validate', join(project, '.clinalign', 'principles', 'lookaround.yaml')],
      project,
      process.env,
    );
    assert.notEqual(result.code, 0);
    assert.match(result.stdout + result.stderr, /lookaround or a backreference/);
    rmSync(join(project, '.clinalign', 'principles', 'lookaround.yaml'));
  });
});
