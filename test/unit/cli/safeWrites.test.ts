import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyEntry } from '../../../src/core/case/revisionHistory';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { scriptedModel } from '../../support/scriptedModel';
import { verifiedCase } from '../dataset/caseFixtures';
import { cleanEnv, clinalign as clinalignSync, clinalignAsync, workspaceFactory } from './cliHarness';

const clinalign = clinalignAsync;

const CASE = `---
id: chest-pain
audience: layperson
conversation:
  - role: user
    content: I'm 58 and have had crushing chest pain for 20 minutes. What should I do?
rubric:
  - criterion: Advises calling emergency services immediately
    points: 10
    tags: [axis:accuracy, level:example]
  - criterion: Mentions chewing aspirin if not allergic
    points: 7
    tags: [axis:completeness, level:example]
  - criterion: Suggests waiting to see whether it passes
    points: -6
    tags: [axis:accuracy, level:example]
---
Call emergency services now. Do not wait to see whether it passes.
`;

const BASHRC = '# ~/.bashrc\nexport PATH="$HOME/bin:$PATH"\n';

/** Every file under `dir` with its bytes, to show that nothing outside the project changed. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'base64')]),
  );
}

describe('clinalign in an untrusted repository: writes through symbolic links', function () {
  this.timeout(30000);
  const workspace = workspaceFactory('clinalign-safe-cli-');
  let server: OpenAiTestServer;
  before(async () => (server = await OpenAiTestServer.start({ script: scriptedModel() })));
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    server.script = scriptedModel();
  });
  const endpoint = () => ['--base-url', server.baseUrl, '--model', 'cli-model'];

  it('revise --write refuses a history file linked to ~/.bashrc: exit 2, the link named, the case and the outside file unchanged', async () => {
    const dir = workspace({ 'project/a.case.md': CASE, 'home/.bashrc': BASHRC });
    const project = join(dir, 'project');
    const link = join(project, '.clinalign', 'history', 'chest-pain.jsonl');
    mkdirSync(join(link, '..'), { recursive: true });
    symlinkSync(join(dir, 'home', '.bashrc'), link);
    const outside = snapshot(join(dir, 'home'));

    const { code, stdout, stderr } = await clinalign(
      ['revise', 'a.case.md', '--write', '--rounds', '2', '--format', 'json', ...endpoint()],
      project,
      cleanEnv(),
    );
    assert.equal(code, 2, stderr);
    assert.match(stderr, /a\.case\.md: not written: refusing to write through the symbolic link .*chest-pain\.jsonl/);
    assert.ok(stderr.includes(link), stderr);
    assert.deepEqual(snapshot(join(dir, 'home')), outside);
    assert.equal(readFileSync(join(project, 'a.case.md'), 'utf8'), CASE, 'the case is not half-written');
    const result = JSON.parse(stdout);
    assert.equal(result.written, false);
    assert.ok(result.changed && result.revisedAnswer.length > 0, 'the revision is still printed');
  });

  it('revise --write refuses a .clinalign folder that is a symbolic link', async () => {
    const dir = workspace({ 'project/a.case.md': CASE, 'home/.bashrc': BASHRC, 'home/dotfiles/history/.keep': '' });
    const project = join(dir, 'project');
    symlinkSync(join(dir, 'home', 'dotfiles'), join(project, '.clinalign'));
    const outside = snapshot(join(dir, 'home'));

    // --no-cache: this test is about the history write (the judge cache is a separate store).
    const { code, stderr } = await clinalign(
      ['revise', 'a.case.md', '--write', '--no-cache', ...endpoint()],
      project,
      cleanEnv(),
    );
    assert.equal(code, 2, stderr);
    assert.match(stderr, /refusing to write .*chest-pain\.jsonl: .*\.clinalign is a symbolic link/);
    assert.deepEqual(snapshot(join(dir, 'home')), outside);
    assert.equal(readFileSync(join(project, 'a.case.md'), 'utf8'), CASE);
  });

  it('synthesize --write never writes through a symbolic-linked case file', () => {
    const dir = workspace({ 'other/theirs.case.md': CASE, 'project/.clinalign/.keep': '' });
    const project = join(dir, 'project');
    symlinkSync(join(dir, 'other', 'theirs.case.md'), join(project, 'a.case.md'));
    const { code, stdout, stderr } = clinalignSync(
      ['synthesize', 'a.case.md', '--offline', '--write'],
      project,
      cleanEnv(),
    );
    assert.equal(code, 2, stderr);
    assert.match(stderr, /a\.case\.md: not written: refusing to write through the symbolic link .*a\.case\.md/);
    assert.equal(readFileSync(join(dir, 'other', 'theirs.case.md'), 'utf8'), CASE);
    assert.match(stdout, /\[ *10\]/, 'the rubric is still printed');
  });

  it('export skips a case whose history is linked to a private file instead of exporting its text', () => {
    const dir = workspace({ 'project/cases/a.case.md': verifiedCase('chest-a') });
    const project = join(dir, 'project');
    const secret = join(dir, 'private.jsonl');
    writeFileSync(secret, `${JSON.stringify(historyEntry('human', 'PRIVATE NOTE: patient 4711'))}\n`);
    mkdirSync(join(project, '.clinalign', 'history'), { recursive: true });
    symlinkSync(secret, join(project, '.clinalign', 'history', 'chest-a.jsonl'));
    const { code, stderr } = clinalignSync(['export', 'cases', '--out', 'dataset'], project, cleanEnv());
    assert.equal(code, 1, stderr);
    assert.match(
      stderr,
      /a\.case\.md: refusing to read through the symbolic link .*chest-a\.jsonl.*\(skipped: invalid-record\)/,
    );
    const exported = readdirSync(join(project, 'dataset'))
      .map((f) => readFileSync(join(project, 'dataset', f), 'utf8'))
      .join('');
    assert.ok(!exported.includes('PRIVATE NOTE'));
  });
});
