// `clinalign eval --grader healthbench` and `import`/`eval` of records without a prompt_id, as processes
// against the OpenAI-compatible test server.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { scriptedModel } from '../../support/scriptedModel';
import { verifiedCase } from '../dataset/caseFixtures';
import { cleanEnv, clinalignAsync, workspaceFactory } from './cliHarness';

const QUESTION = 'My father suddenly has slurred speech and a drooping face. What should I do?';
const item = (criterion: string, points: number, tags: string[]) => ({ criterion, points, tags });
/** No prompt_id: the tools name it by a hash of its content. */
const UNNAMED = {
  prompt: [{ role: 'user', content: QUESTION }],
  rubrics: [
    item('Advises calling emergency services immediately', 10, ['level:example', 'axis:accuracy']),
    item('Explains the stroke warning signs', 5, ['level:example', 'axis:completeness']),
    item('Tells the user to seek emergency care', 5, [
      'level:cluster',
      'cluster:emergency_referrals_emergent_seek-care',
      'axis:accuracy',
    ]),
  ],
  example_tags: ['theme:emergency_referrals'],
};
const NAMED = {
  prompt_id: 'hb-named',
  prompt: [{ role: 'user', content: 'Is it fine to take ibuprofen for a headache?' }],
  rubrics: [
    item('Mentions taking ibuprofen with food', 6, ['level:example', 'axis:completeness']),
    item('Asks whether the user has kidney disease or stomach ulcers', 4, [
      'level:cluster',
      'cluster:context_seeking_not-enough-context_asks',
      'axis:context_awareness',
    ]),
  ],
  example_tags: ['theme:context_seeking'],
};

describe('clinalign eval --grader healthbench; records without prompt_id', function () {
  this.timeout(60000);
  const workspace = workspaceFactory('clinalign-eval-grader-');
  let server: OpenAiTestServer;
  before(async () => (server = await OpenAiTestServer.start({ script: scriptedModel() })));
  after(() => server.close());
  beforeEach(() => server.reset());

  it('import names a record without prompt_id by its content hash, the same on every run; eval grades it under that id with the HealthBench grader', async () => {
    const set = `${JSON.stringify(UNNAMED)}\n${JSON.stringify(NAMED)}\n`;
    const dir = workspace({ 'set.jsonl': set });
    const env = cleanEnv({ CLINALIGN_BASE_URL: server.baseUrl, CLINALIGN_JUDGE_MODEL: 'judge-j' });
    for (const out of ['cases', 'again']) {
      const imported = await clinalignAsync(['import', 'set.jsonl', '--out', out], dir, env);
      assert.equal(imported.code, 0, imported.stderr);
    }
    const names = readdirSync(join(dir, 'cases')).sort();
    assert.deepEqual(readdirSync(join(dir, 'again')).sort(), names, 'stable across runs');
    const hashed = names.find((n) => n.startsWith('content-'));
    assert.match(hashed ?? '', /^content-[0-9a-f]{16}\.case\.md$/);
    const id = hashed!.replace('.case.md', '');

    const responses = [
      { prompt_id: id, response: 'Call emergency services immediately: these are stroke warning signs.' },
      { prompt_id: 'hb-named', response: 'Yes: ibuprofen is fine, taken with food.' },
    ];
    const evalDir = workspace({
      'set.jsonl': set,
      'responses.jsonl': responses.map((r) => JSON.stringify(r)).join('\n'),
    });
    const run = await clinalignAsync(
      ['eval', '--data', 'set.jsonl', '--responses', 'responses.jsonl', '--grader', 'healthbench'],
      evalDir,
      env,
    );
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.grader, 'healthbench');
    assert.match(run.stderr, /judge: judge-j \(healthbench grader\)/);
    assert.deepEqual(
      report.examples.map((e: { prompt_id: string }) => e.prompt_id),
      [id, 'hb-named'],
    );
    // Keyword judge (a criterion's long word in the answer): every item of the first, the +6 item of the second.
    assert.equal(report.examples[0].score, 1);
    assert.equal(report.examples[1].score, 6 / 10);
    assert.deepEqual(Object.keys(report.by_level), ['cluster', 'example']);
    assert.equal(report.by_level.example.score, 1);
    assert.equal(report.by_level.cluster.score, 0.5);
    assert.deepEqual(Object.keys(report.by_cluster), [
      'context_seeking_not-enough-context_asks',
      'emergency_referrals_emergent_seek-care',
    ]);
    assert.equal(report.by_cluster['context_seeking_not-enough-context_asks'].score, 0);
    // The protocol: one plain call per item, temperature 0.5, no response_format.
    assert.equal(server.chatRequests.length, 5);
    for (const r of server.chatRequests) {
      assert.equal(r.body!.temperature, 0.5);
      assert.equal(r.body!.response_format, undefined);
      assert.match(r.body!.messages.at(-1)!.content, /# Rubric item\n\[-?\d+\] /);
    }

    const markdown = await clinalignAsync(
      [
        'eval',
        '--data',
        'set.jsonl',
        '--responses',
        'responses.jsonl',
        '--grader',
        'healthbench',
        '--format',
        'markdown',
      ],
      evalDir,
      env,
    );
    assert.match(markdown.stdout, /## By rubric level/);
    assert.match(markdown.stdout, /## By consensus cluster/);
    assert.match(markdown.stdout, /HealthBench grader protocol/);
    assert.equal(server.chatRequests.length, 5, 'the second run is served from the cache');
  });

  it('grade --grader healthbench: one plain call per item, the grader named in the output; with --batch a usage error', async () => {
    const dir = workspace({ 'a.case.md': verifiedCase('a', 'Call emergency services immediately.') });
    const env = cleanEnv({
      CLINALIGN_BASE_URL: server.baseUrl,
      CLINALIGN_MODEL: 'm',
      CLINALIGN_JUDGE_MODEL: 'judge-j',
    });
    const graded = await clinalignAsync(
      ['grade', 'a.case.md', '--grader', 'healthbench', '--format', 'json'],
      dir,
      env,
    );
    assert.equal(graded.code, 0, graded.stderr);
    const result = JSON.parse(graded.stdout);
    assert.equal(result.grader, 'healthbench');
    assert.equal(result.score, 1);
    assert.equal(server.chatRequests.length, 2);
    assert.ok(server.chatRequests.every((r) => r.body!.temperature === 0.5 && r.body!.response_format === undefined));
    const text = await clinalignAsync(['grade', 'a.case.md', '--grader', 'healthbench'], dir, env);
    assert.match(text.stdout, /\(judge judge-j, HealthBench grader\)/);
    const batch = await clinalignAsync(['grade', 'a.case.md', '--grader', 'healthbench', '--batch'], dir, env);
    assert.equal(batch.code, 2);
    assert.match(batch.stderr, /drop --batch/);
  });

  it('an unknown grader is a usage error', async () => {
    const dir = workspace({ 'set.jsonl': `${JSON.stringify(NAMED)}\n`, 'r.jsonl': '' });
    const run = await clinalignAsync(
      ['eval', '--data', 'set.jsonl', '--responses', 'r.jsonl', '--grader', 'simple'],
      dir,
      cleanEnv({ CLINALIGN_BASE_URL: server.baseUrl, CLINALIGN_JUDGE_MODEL: 'j' }),
    );
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--grader.*Allowed choices are clinalign, healthbench/s);
  });
});
