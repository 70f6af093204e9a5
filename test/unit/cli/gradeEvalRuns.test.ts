import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { scriptedModel } from '../../support/scriptedModel';
import { verifiedCase } from '../dataset/caseFixtures';
import { cleanEnv, clinalignAsync, workspaceFactory, type CliResult } from './cliHarness';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const jsonl = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('clinalign grade and eval runs', function () {
  this.timeout(60000);
  const workspace = workspaceFactory('clinalign-grade-eval-');
  let server: OpenAiTestServer;
  before(async () => (server = await OpenAiTestServer.start({ script: scriptedModel() })));
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    server.latencyMs = 0;
  });

  it('grade, then eval of the exported set: the judge sees the same answer text, so eval is all cache hits', async () => {
    const dir = workspace({
      'cases/a.case.md': verifiedCase('a', 'Call emergency services now.\n\nDo not wait.'),
      'cases/b.case.md': verifiedCase('b'),
    });
    const env = cleanEnv({
      CLINALIGN_BASE_URL: server.baseUrl,
      CLINALIGN_JUDGE_MODEL: 'judge-j',
      CLINALIGN_MODEL: 'm',
    });
    const graded = await clinalignAsync(['grade', 'cases', '--format', 'json'], dir, env);
    assert.equal(graded.code, 0, graded.stderr);
    assert.equal(server.chatRequests.length, 4);
    assert.ok(
      server.chatRequests.every((r) =>
        r.body!.messages.some((m) => /(?:Do not wait|services now)\.\n\n## Rubric item/.test(m.content)),
      ),
      'the answer without its final newline',
    );

    const exported = await clinalignAsync(['export', 'cases', '--out', 'ds', '--formats', 'healthbench'], dir, env);
    assert.equal(exported.code, 0, exported.stderr);
    const records = jsonl(readFileSync(join(dir, 'ds', 'healthbench.jsonl'), 'utf8'));
    const responses = records
      .map((r) => JSON.stringify({ prompt_id: r.prompt_id, response: r.ideal_completions_data.ideal_completion }))
      .join('\n');
    const evalDir = workspace({
      'set.jsonl': readFileSync(join(dir, 'ds', 'healthbench.jsonl'), 'utf8'),
      'responses.jsonl': responses,
    });
    const evaluated = await clinalignAsync(
      ['eval', '--data', 'set.jsonl', '--responses', 'responses.jsonl'],
      evalDir,
      env,
    );
    assert.equal(evaluated.code, 0, evaluated.stderr);
    assert.match(evaluated.stderr, /judge: judge-j; 0 requests, 4 cached/);
    assert.equal(server.chatRequests.length, 4);
  });

  it('eval --responses with only CLINALIGN_JUDGE_MODEL set (no --model) grades with that judge', async () => {
    const dir = workspace({
      'set.jsonl': JSON.stringify({
        prompt_id: 'p1',
        prompt: [{ role: 'user', content: 'Chest pain for 20 minutes?' }],
        rubrics: [{ criterion: 'Advises calling emergency services', points: 10, tags: ['axis:accuracy'] }],
        example_tags: [],
      }),
      'responses.jsonl': JSON.stringify({ prompt_id: 'p1', response: 'Call emergency services now.' }),
    });
    const run = await clinalignAsync(
      ['eval', '--data', 'set.jsonl', '--responses', 'responses.jsonl'],
      dir,
      cleanEnv({ CLINALIGN_BASE_URL: server.baseUrl, CLINALIGN_JUDGE_MODEL: 'judge-env' }),
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).judge_model, 'judge-env');
    assert.deepEqual(
      server.chatRequests.map((r) => r.body!.model),
      ['judge-env'],
    );
  });

  it('eval refuses a responses file that gives a prompt_id twice, naming the lines', async () => {
    const line = (id: string, response: string) => JSON.stringify({ prompt_id: id, response });
    const dir = workspace({
      'set.jsonl': JSON.stringify({
        prompt_id: 'p1',
        prompt: [{ role: 'user', content: 'Fever?' }],
        rubrics: [{ criterion: 'Asks about the temperature', points: 5, tags: [] }],
        example_tags: [],
      }),
      'responses.jsonl': [line('p1', 'first'), line('p2', 'other'), line('p1', 'second')].join('\n'),
    });
    const run = await clinalignAsync(
      ['eval', '--data', 'set.jsonl', '--responses', 'responses.jsonl', '--judge', 'j'],
      dir,
      cleanEnv({ CLINALIGN_BASE_URL: server.baseUrl }),
    );
    assert.equal(run.code, 2);
    assert.match(run.stderr, /responses\.jsonl:3: prompt_id "p1" is already on line 1/);
    assert.equal(run.stdout, '');
    assert.equal(server.chatRequests.length, 0);
  });

  it('Ctrl+C on grade exits 130 and prints no result', async () => {
    server.latencyMs = 10000;
    const dir = workspace({ 'cases/a.case.md': verifiedCase('a'), 'cases/b.case.md': verifiedCase('b') });
    const env = cleanEnv({ CLINALIGN_BASE_URL: server.baseUrl, CLINALIGN_MODEL: 'm' });
    const child = spawn(
      process.execPath,
      ['--import', TSX, join(ROOT, 'src', 'cli', 'main.ts'), 'grade', 'cases', '--format', 'json'],
      { cwd: dir, env },
    );
    const result = new Promise<CliResult>((resolve) => {
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    const started = Date.now();
    while (server.chatRequests.length === 0 && Date.now() - started < 20000)
      await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(server.chatRequests.length > 0, 'the run reached the server');
    child.kill('SIGINT');
    const { code, stdout, stderr } = await result;
    assert.equal(code, 130, stderr);
    assert.equal(stdout, '');
    assert.match(stderr, /grading cancelled/);
  });
});
