import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { scriptedModel } from '../../support/scriptedModel';
import { cleanEnv, clinalignAsync, workspaceFactory } from './cliHarness';

const KEY = 'sk-cli-test-KEY-9876543210';
const clinalign = clinalignAsync;

const CASE = `---
id: chest-pain
audience: layperson
# a comment that must survive
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

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)],
  );
}

describe('clinalign model commands', function () {
  this.timeout(30000);
  const workspace = workspaceFactory('clinalign-model-cli-');
  let server: OpenAiTestServer;
  before(async () => (server = await OpenAiTestServer.start({ script: scriptedModel() })));
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    server.script = scriptedModel();
  });
  const endpoint = () => ['--base-url', server.baseUrl, '--model', 'cli-model'];

  it('without an endpoint: a message naming the flags and env vars, exit 2', async () => {
    const dir = workspace({ 'a.case.md': CASE });
    const { code, stderr } = await clinalign(['grade', 'a.case.md'], dir, cleanEnv());
    assert.equal(code, 2);
    assert.match(stderr, /--base-url/);
    assert.match(stderr, /CLINALIGN_BASE_URL/);
    assert.match(stderr, /\.clinalign\/config\.yaml/);
    assert.match(stderr, /CLINALIGN_API_KEY/);
  });

  it('grade --format json: score and items; a second run is served from the user’s cache folder', async () => {
    const dir = workspace({ 'a.case.md': CASE, '.clinalign/principles/.keep': '' });
    const env = cleanEnv({ CLINALIGN_API_KEY: KEY });
    const first = await clinalign(
      ['grade', 'a.case.md', '--format', 'json', ...endpoint(), '--judge-model', 'cli-judge'],
      dir,
      env,
    );
    assert.equal(first.code, 0, first.stderr);
    const result = JSON.parse(first.stdout);
    assert.equal(typeof result.score, 'number');
    assert.equal(result.score, (10 - 6) / 17);
    assert.equal(result.items.length, 3);
    assert.deepEqual(Object.keys(result.items[0]).sort(), ['criterion', 'explanation', 'met', 'points', 'tags']);
    assert.equal(result.judgeModel, 'cli-judge');
    assert.equal(server.chatRequests.length, 3);
    assert.ok(
      server.chatRequests.every((r) => r.headers.authorization === `Bearer ${KEY}` && !r.rawBody.includes(KEY)),
    );

    const second = await clinalign(
      ['grade', 'a.case.md', '--format', 'json', ...endpoint(), '--judge-model', 'cli-judge'],
      dir,
      env,
    );
    assert.equal(second.code, 0, second.stderr);
    assert.equal(server.chatRequests.length, 3, 'resume: nothing is asked twice');
    assert.match(second.stderr, /0 requests, 3 cached/);
    assert.ok(!existsSync(join(dir, '.clinalign', 'cache')), 'nothing is cached in the repository');
    const cached = files(env.CLINALIGN_CACHE_DIR!);
    // Three verdicts, and the structured-output mode the endpoint accepted.
    assert.equal(cached.filter((file) => typeof JSON.parse(readFileSync(file, 'utf8')).value === 'object').length, 3);
    assert.equal(cached.length, 4);
    assert.ok(cached.every((file) => !readFileSync(file, 'utf8').includes(KEY)));
    assert.ok(!second.stdout.includes(KEY) && !second.stderr.includes(KEY));
  });

  it('settings come from .clinalign/config.yaml when there are no flags (its URL with --trust-endpoint); a key in it is refused', async () => {
    const dir = workspace({
      'cases/a.case.md': CASE,
      '.clinalign/config.yaml': `baseUrl: ${server.baseUrl}\nmodel: from-config\n`,
    });
    const { code, stdout, stderr } = await clinalign(
      ['grade', '.', '--trust-endpoint'],
      join(dir, 'cases'),
      cleanEnv(),
    );
    assert.equal(code, 0, stderr);
    assert.match(stdout, /score 0\.235/);
    assert.equal(server.chatRequests[0]!.body!.model, 'from-config');

    writeFileSync(join(dir, '.clinalign', 'config.yaml'), `baseUrl: ${server.baseUrl}\nmodel: m\napiKey: sk-oops\n`);
    const refused = await clinalign(['grade', 'cases', '--trust-endpoint'], dir, cleanEnv());
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /"apiKey" does not belong in a config file/);
    assert.ok(!refused.stderr.includes('sk-oops'));
  });

  it('revise --write replaces only the answer and records both drafts in the history', async () => {
    const dir = workspace({ 'a.case.md': CASE });
    const { code, stdout, stderr } = await clinalign(
      ['revise', 'a.case.md', '--write', '--rounds', '2', '--format', 'json', ...endpoint()],
      dir,
      cleanEnv(),
    );
    assert.equal(code, 0, stderr);
    const result = JSON.parse(stdout);
    assert.equal(result.written, true);
    assert.ok(result.scoreAfter > result.scoreBefore);
    const text = readFileSync(join(dir, 'a.case.md'), 'utf8');
    assert.ok(text.startsWith(CASE.slice(0, CASE.lastIndexOf('---\n') + 4)), 'the front matter keeps every byte');
    assert.equal(text.slice(CASE.lastIndexOf('---\n') + 4), result.revisedAnswer);
    const history = readFileSync(join(dir, '.clinalign', 'history', 'chest-pain.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      history.map((h) => h.source),
      ['human', 'model-revision'],
    );
    assert.ok(
      Date.parse(history[0].time) <= Date.parse(history[1].time),
      `in time order: ${history[0].time}, ${history[1].time}`,
    );
    assert.equal(history[1].model, 'cli-model');
    assert.match(history[1].sha256, /^[0-9a-f]{64}$/);
    assert.equal(history[1].text, result.revisedAnswer);
  });

  it('revise --write does not write over a file that changed on disk meanwhile', async () => {
    const dir = workspace({ 'a.case.md': CASE });
    const edited = `${CASE}Edited by someone else.\n`;
    server.script = scriptedModel({
      revise_answer: (request, user) => {
        writeFileSync(join(dir, 'a.case.md'), edited);
        return scriptedModel()(request, { user } as never) as never;
      },
    });
    const { stderr } = await clinalign(['revise', 'a.case.md', '--write', ...endpoint()], dir, cleanEnv());
    assert.match(stderr, /not written: the file changed on disk/);
    assert.equal(readFileSync(join(dir, 'a.case.md'), 'utf8'), edited);
    assert.ok(!existsSync(join(dir, '.clinalign', 'history')));
  });

  it('check --format json: findings at the quoted words; synthesize with the model writes a rubric', async () => {
    const dir = workspace({ 'a.case.md': CASE });
    const check = await clinalign(['check', 'a.case.md', '--format', 'json', ...endpoint()], dir, cleanEnv());
    assert.equal(check.code, 1, check.stderr);
    const [record] = JSON.parse(check.stdout);
    assert.equal(record.quote, 'Call emergency services now.');
    assert.deepEqual([record.line, record.column, record.endLine, record.endColumn], [19, 1, 19, 29]);

    const synth = await clinalign(['synthesize', 'a.case.md', '--format', 'json', ...endpoint()], dir, cleanEnv());
    assert.equal(synth.code, 0, synth.stderr);
    const [rubric] = JSON.parse(synth.stdout);
    assert.equal(rubric.source, 'model');
    assert.equal(rubric.scenario.urgency, 'emergent');
    assert.ok(rubric.rubric.length >= 6);
  });
});
