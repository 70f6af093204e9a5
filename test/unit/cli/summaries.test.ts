import assert from 'node:assert/strict';
import { join } from 'node:path';
import { formatText } from '../../../src/cli/format/formatText';
import type { LintRecord } from '../../../src/cli/format/lintRecord';
import { clinalign, workspaceFactory } from './cliHarness';

const TEAM_PRINCIPLE = `group: team
principles:
  - id: universal.no-zebras
    title: No zebras in answers
    dimension: universal
    statement: Answers do not mention zebras.
    rationale: A clinical reason for it.
    severity: warning
    rubric: { criterion: Does not mention zebras., points: 3, axis: accuracy }
    detect: [{ kind: avoid, terms: [zebra] }]
    examples:
      - { answer: A zebra walked in., violates: true }
      - { answer: A horse walked in., violates: false }
    sources: [A real standard]
`;

describe('CLI summaries', function () {
  this.timeout(30000);
  const workspace = workspaceFactory('clinalign-summaries-');

  it('counts agree with their nouns: 1 error, 2 warnings, 1 note, 1 file', () => {
    const record = (severity: string): LintRecord =>
      ({
        file: 'a.case.md',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
        severity,
        principle: 'p',
        message: 'm',
      }) as LintRecord;
    const summary = formatText([record('error'), record('warning'), record('warning'), record('info')], 1)
      .split('\n')
      .at(-1);
    assert.equal(summary, '1 file checked: 4 findings (1 error, 2 warnings, 1 note)');
    assert.equal(
      formatText([record('warning')], 2)
        .split('\n')
        .at(-1),
      '2 files checked: 1 finding (0 errors, 1 warning, 0 notes)',
    );
  });

  it('principles validate on a file inside .clinalign/principles does not report its ids as duplicates of themselves', () => {
    const dir = workspace({ '.clinalign/principles/team.yaml': TEAM_PRINCIPLE });
    for (const args of [
      [join('.clinalign', 'principles', 'team.yaml')],
      [join('.clinalign', 'principles')],
      ['--principles', join(dir, '.clinalign', 'principles', 'team.yaml')],
    ]) {
      const result = clinalign(['principles', 'validate', ...args], dir);
      assert.doesNotMatch(result.stderr, /duplicate/i, args.join(' '));
      assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stdout, /principles valid/);
    }
  });
});
