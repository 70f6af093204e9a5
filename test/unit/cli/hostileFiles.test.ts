import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FIXTURES } from '../fixtureLibrary';
import { verifiedCase } from '../dataset/caseFixtures';
import { clinalign, workspaceFactory } from './cliHarness';

const SAMPLE = ['--no-bundled', '--principles', join(FIXTURES, 'principles')];
const level = (name: string, previous: string) => `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`;

/** One file of each kind of hostile case a cloned repository may hold, as real files on disk. */
const HOSTILE: Record<string, string> = {
  'billion-laughs.case.md': `---\na: &a [x, x, x, x, x, x, x, x, x]\n${['b', 'c', 'd', 'e', 'f', 'g'].map((n, i) => level(n, 'abcdefg'[i]!)).join('\n')}\nprompt: Hi\n---\nAnswer.\n`,
  'long-key.case.md': `---\nprompt: Hi\n${'k'.repeat(1100)}: v\n---\nAnswer.\n`,
  'deep.case.md': `---\nprompt: Hi\nx: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n---\nAnswer.\n`,
  'big-front-matter.case.md': `---\nprompt: Hi\nx: "${'y'.repeat(300 * 1024)}"\n---\nAnswer.\n`,
  'huge-front-matter.case.md': `---\nprompt: Hi\nx: "${'y'.repeat(10 * 1024 * 1024)}"\n---\nAnswer.\n`,
  'huge-answer.case.md': `---\nprompt: Hi\n---\n${'Take rest. '.repeat(300_000)}\n`,
  'dense.case.md': `---\nprompt: Hi\nx: [${Array(120_000).fill('1').join(',')}]\n---\nAnswer.\n`,
};
const GOOD = {
  'good-verified.case.md': verifiedCase('good-verified'),
  'good-draft.case.md': '---\nprompt: How much insulin?\n---\nGive 10 IU daily.\n',
};

describe('hostile case files through the CLI: each is its own located error, the others are processed', function () {
  this.timeout(120_000);
  const workspace = workspaceFactory('clinalign-hostile-');
  const files = Object.keys(HOSTILE).length + Object.keys(GOOD).length;
  // The CLI's start through tsx takes a few seconds on a busy machine; every file then has one second.
  const budgetMs = 10_000 + files * 1000;

  it('lint: a located error per hostile file, findings in the good ones, exit 1', () => {
    const dir = workspace({ ...HOSTILE, ...GOOD });
    const start = performance.now();
    const { code, stdout, stderr } = clinalign(['lint', '.', '--format', 'json', ...SAMPLE], dir);
    const elapsed = performance.now() - start;
    assert.equal(code, 1, stderr);
    assert.doesNotMatch(stderr, /internal error/);
    const records = JSON.parse(stdout) as {
      file: string;
      line: number;
      column: number;
      principle: string;
      message: string;
    }[];
    for (const name of Object.keys(HOSTILE)) {
      const errors = records.filter((r) => r.file === join(dir, name) && r.principle === 'case.front-matter');
      assert.ok(
        errors.length > 0,
        `${name} has no error: ${JSON.stringify(records.filter((r) => r.file === join(dir, name)))}`,
      );
      assert.ok(
        errors.every((e) => Number.isInteger(e.line) && e.line >= 1 && Number.isInteger(e.column) && e.column >= 1),
        JSON.stringify(errors),
      );
    }
    const messageOf = (name: string) => records.find((r) => r.file === join(dir, name))!.message;
    assert.match(messageOf('billion-laughs.case.md'), /aliases expand too much/);
    assert.match(messageOf('long-key.case.md'), /1024/);
    assert.match(messageOf('deep.case.md'), /nested more than 64 levels deep; the limit is 64/);
    assert.equal(messageOf('big-front-matter.case.md'), 'front matter is 300.0 KB; the limit is 256 KB');
    // Over the file cap, a file is not even read.
    assert.equal(messageOf('huge-front-matter.case.md'), 'case file is 10.0 MB; the limit is 2 MB');
    assert.equal(messageOf('huge-answer.case.md'), 'case file is 3.1 MB; the limit is 2 MB');
    assert.match(messageOf('dense.case.md'), /more than 50,000 tokens; the limit is 50,000/);
    assert.ok(
      records.some((r) => r.file === join(dir, 'good-draft.case.md') && r.principle === 'universal.safe-abbreviations'),
      'the good files are linted',
    );
    assert.ok(elapsed < budgetMs, `${Math.round(elapsed)} ms for ${files} files`);
  });

  it('export: hostile files are skipped as parse errors with file:line:col, the verified case is exported, exit 1', () => {
    const dir = workspace({ ...HOSTILE, ...GOOD });
    const start = performance.now();
    const { code, stderr } = clinalign(['export', '.', '--out', 'dataset', ...SAMPLE], dir);
    const elapsed = performance.now() - start;
    assert.equal(code, 1, stderr);
    assert.doesNotMatch(stderr, /internal error/);
    const skipped = JSON.parse(readFileSync(join(dir, 'dataset', 'skipped.json'), 'utf8')) as {
      file: string;
      reason: string;
      detail: string;
      line?: number;
      column?: number;
    }[];
    for (const name of Object.keys(HOSTILE)) {
      const entry = skipped.find((s) => s.file === name);
      assert.equal(entry?.reason, 'parse-error', `${name}: ${JSON.stringify(entry)}`);
      assert.ok(Number.isInteger(entry.line) && Number.isInteger(entry.column), JSON.stringify(entry));
      assert.match(stderr, new RegExp(`${name.replace(/\./g, '\\.')}:\\d+:\\d+: .+ \\(skipped: parse-error\\)`));
    }
    assert.deepEqual(skipped.find((s) => s.file === 'good-draft.case.md')?.reason, 'not-verified');
    const exported = readFileSync(join(dir, 'dataset', 'healthbench.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).prompt_id);
    assert.deepEqual(exported, ['good-verified']);
    assert.ok(elapsed < budgetMs, `${Math.round(elapsed)} ms for ${files} files`);
  });
});
