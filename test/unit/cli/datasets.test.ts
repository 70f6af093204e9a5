import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAiTestServer, type ChatRequest, type RecordedRequest } from '../../support/openaiTestServer';
import { scriptedModel } from '../../support/scriptedModel';
import { verifiedCase } from '../dataset/caseFixtures';
import { cleanEnv, clinalign, clinalignAsync, freshCacheDir, workspaceFactory, type CliResult } from './cliHarness';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'healthbench', 'oss_eval_first30.jsonl');

/** One judge cache per workspace folder (as runs in one project share theirs), never the user's own. */
const cacheDirs = new Map<string, string>();

/** The CLI spawned asynchronously (so the in-process test server can answer it), with its folder's judge cache. */
function clinalignInWorkspace(args: string[], cwd: string): Promise<CliResult> {
  if (!cacheDirs.has(cwd)) cacheDirs.set(cwd, freshCacheDir());
  return clinalignAsync(args, cwd, cleanEnv({ CLINALIGN_CACHE_DIR: cacheDirs.get(cwd) }));
}

const jsonl = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
const fixtureLines = readFileSync(FIXTURE, 'utf8').trim().split('\n');

describe('clinalign datasets (export, import, eval, batch)', function () {
  this.timeout(60000);
  const workspace = workspaceFactory('clinalign-datasets-cli-');
  let server: OpenAiTestServer;
  before(async () => (server = await OpenAiTestServer.start({ script: scriptedModel() })));
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    server.script = scriptedModel({
      '': () => 'Call emergency services now; do not wait. Chew aspirin if not allergic.',
    });
  });

  it('export: reports every skipped case, writes skipped.json, re-export is byte-identical', () => {
    const dir = workspace({
      'cases/a.case.md': verifiedCase('a'),
      'cases/draft.case.md': verifiedCase('d').replace('status: verified', 'status: in-review'),
      'cases/bad.case.md': '---\nid: [unclosed\n---\n',
    });
    const first = clinalign(['export', 'cases', '--out', 'ds'], dir);
    assert.equal(first.code, 1, first.stderr);
    assert.match(first.stderr, /draft\.case\.md: review\.status is in-review \(skipped: not-verified\)/);
    assert.match(first.stderr, /bad\.case\.md:\d+:\d+: .*\(skipped: parse-error\)/);
    assert.match(first.stdout, /1 of 3 cases exported/);
    const skipped = JSON.parse(readFileSync(join(dir, 'ds', 'skipped.json'), 'utf8'));
    assert.deepEqual(
      skipped.map((s: { reason: string }) => s.reason),
      ['parse-error', 'not-verified'],
    );
    const names = ['healthbench.jsonl', 'preferences.jsonl', 'rl.jsonl', 'skipped.json', 'README.md'];
    const before = names.map((n) => readFileSync(join(dir, 'ds', n)));
    const manifest = JSON.parse(readFileSync(join(dir, 'ds', 'manifest.json'), 'utf8'));
    assert.match(manifest.principle_library.version, /^sha256:[0-9a-f]{16}$/);
    assert.ok(manifest.principle_library.principles > 100);
    clinalign(['export', 'cases', '--out', 'ds'], dir);
    assert.deepEqual(
      names.map((n) => readFileSync(join(dir, 'ds', n))),
      before,
    );
    const after = JSON.parse(readFileSync(join(dir, 'ds', 'manifest.json'), 'utf8'));
    assert.deepEqual(after.files, manifest.files, 'the same sha256 for every file');
  });

  it('export refuses to write outside --out (a symlinked output file) and bad --formats', () => {
    const dir = workspace({ 'cases/a.case.md': verifiedCase('a'), 'secret.txt': 'keep' });
    mkdirSync(join(dir, 'ds'));
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'ds', 'healthbench.jsonl'));
    const refused = clinalign(['export', 'cases', '--out', 'ds'], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /refusing to write through the symbolic link/);
    assert.equal(readFileSync(join(dir, 'secret.txt'), 'utf8'), 'keep');
    const formats = clinalign(['export', 'cases', '--out', 'ds2', '--formats', 'healthbench,../x'], dir);
    assert.equal(formats.code, 2);
    assert.match(formats.stderr, /--formats/);
  });

  it('import then export --include-unverified round-trips the HealthBench sample', () => {
    const dir = workspace({ 'hb.jsonl': readFileSync(FIXTURE, 'utf8') });
    const imported = clinalign(['import', 'hb.jsonl', '--out', 'cases'], dir);
    assert.equal(imported.code, 0, imported.stderr);
    const again = clinalign(['import', 'hb.jsonl', '--out', 'cases'], dir);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /exists, kept \(use --force to overwrite\)/);
    assert.equal(clinalign(['export', 'cases', '--out', 'ds'], dir).code, 1, 'drafts are skipped by default');
    const exported = clinalign(
      ['export', 'cases', '--out', 'ds', '--include-unverified', '--formats', 'healthbench'],
      dir,
    );
    assert.equal(exported.code, 0, exported.stderr);
    const records = new Map(
      jsonl(readFileSync(join(dir, 'ds', 'healthbench.jsonl'), 'utf8')).map((r) => [r.prompt_id, r]),
    );
    for (const original of fixtureLines.map((l) => JSON.parse(l))) {
      const record = records.get(original.prompt_id);
      assert.deepEqual(record.prompt, original.prompt);
      assert.deepEqual(
        record.rubrics,
        original.rubrics.map((r: { criterion: string; points: number; tags: string[] }) => ({
          criterion: r.criterion,
          points: r.points,
          tags: r.tags,
        })),
      );
      assert.deepEqual(
        record.ideal_completions_data,
        original.ideal_completions_data ? { ideal_completion: original.ideal_completions_data.ideal_completion } : null,
      );
    }
  });

  it('eval --responses against the test server: JSON score, breakdowns and the judge; cached re-run makes no calls', async () => {
    const records = fixtureLines.slice(0, 4).map((l) => JSON.parse(l));
    const responses = records
      .map((r, i) =>
        JSON.stringify({
          prompt_id: r.prompt_id,
          response: i % 2 ? 'I am not sure.' : (r.rubrics[0].criterion as string),
        }),
      )
      .join('\n');
    const dir = workspace({ 'set.jsonl': fixtureLines.slice(0, 4).join('\n'), 'responses.jsonl': responses });
    const args = [
      'eval',
      '--data',
      'set.jsonl',
      '--responses',
      'responses.jsonl',
      '--judge',
      'judge-j',
      '--base-url',
      server.baseUrl,
    ];
    const run = await clinalignInWorkspace(args, dir);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.judge_model, 'judge-j');
    assert.equal(report.n, 4);
    assert.ok(report.score >= 0 && report.score <= 1);
    assert.equal(typeof report.std_error, 'number');
    assert.ok(Object.keys(report.by_axis).length > 0);
    assert.ok(Object.keys(report.by_theme).length > 0);
    const calls = server.chatRequests.length;
    assert.equal(
      calls,
      records.reduce((n, r) => n + r.rubrics.length, 0),
    );
    assert.ok(server.chatRequests.every((r) => r.body?.model === 'judge-j'));

    const html = await clinalignInWorkspace([...args, '--format', 'html', '--out', 'report.html'], dir);
    assert.equal(html.code, 0, html.stderr);
    assert.equal(server.chatRequests.length, calls, 'every item came from the cache');
    assert.match(readFileSync(join(dir, 'report.html'), 'utf8'), /<svg[\s\S]*Judge: judge-j/);
  });

  it('eval --model samples answers from the model, then grades them', async () => {
    const dir = workspace({ 'set.jsonl': fixtureLines.slice(0, 2).join('\n') });
    const run = await clinalignInWorkspace(
      [
        'eval',
        '--data',
        'set.jsonl',
        '--model',
        'answer-m',
        '--judge',
        'judge-j',
        '--base-url',
        server.baseUrl,
        '--format',
        'markdown',
        '--no-cache',
      ],
      dir,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /\*\*Score: [\d.]+ ± [\d.]+\*\* over 2 examples \(answers sampled from answer-m; judge judge-j\)/,
    );
    const sampled = server.chatRequests.filter((r) => r.body?.model === 'answer-m');
    assert.equal(sampled.length, 2);
    assert.equal(sampled[0]!.body!.response_format, undefined, 'sampling asks for plain text');
  });

  it('synthesize --queries: rubrics appended per question; a re-run resumes without repeating work', async () => {
    const dir = workspace({
      'q.jsonl': `"I have crushing chest pain, what do I do?"\n{"question":"Is ibuprofen safe with lisinopril?","id":"nsaid"}\n${fixtureLines[0]}\n`,
    });
    const args = [
      'synthesize',
      '--queries',
      'q.jsonl',
      '--out',
      'rubrics.jsonl',
      '--base-url',
      server.baseUrl,
      '--model',
      'm',
      '--no-cache',
    ];
    const first = await clinalignInWorkspace(args, dir);
    assert.equal(first.code, 0, first.stderr);
    const records = jsonl(readFileSync(join(dir, 'rubrics.jsonl'), 'utf8'));
    assert.equal(records.length, 3);
    assert.ok(records.every((r) => r.rubrics.length >= 6 && r.source.startsWith('model')));
    const calls = server.chatRequests.length;
    const second = await clinalignInWorkspace(args, dir);
    assert.equal(second.code, 0);
    assert.match(second.stdout, /0 rubrics written .*3 already there/);
    assert.equal(server.chatRequests.length, calls);
  });

  it('synthesize and grade --batch-out / --batch-in: requests a batch runner accepts, results read back and validated', async () => {
    const dir = workspace({
      'q.jsonl': `"I have crushing chest pain, what do I do?"\n{"question":"Is ibuprofen safe?","id":"ibu"}\n`,
      'cases/a.case.md': verifiedCase('a'),
    });
    const out = clinalign(
      ['synthesize', '--queries', 'q.jsonl', '--batch-out', 'requests.jsonl', '--model', 'batch-m'],
      dir,
    );
    assert.equal(out.code, 0, out.stderr);
    const requests = jsonl(readFileSync(join(dir, 'requests.jsonl'), 'utf8'));
    assert.equal(requests.length, 2);
    assert.deepEqual(Object.keys(requests[0]), ['custom_id', 'method', 'url', 'body']);
    assert.equal(requests[0].body.response_format.type, 'json_schema');
    // Run the batch "offline": the scripted model answers each request body, in the Batch API output format.
    const script = scriptedModel();
    const answer = async (requestsFile: string, resultsFile: string, breakFirst = false) => {
      const lines = [];
      for (const [i, r] of jsonl(readFileSync(join(dir, requestsFile), 'utf8')).entries()) {
        const reply = (await script(r.body as ChatRequest, {} as RecordedRequest)) as { content: unknown };
        const content = breakFirst && i === 0 ? '{"items": "oops"}' : JSON.stringify(reply.content);
        lines.push(
          JSON.stringify({
            id: `batch_req_${i}`,
            custom_id: r.custom_id,
            response: { status_code: 200, body: { model: 'batch-m-2025', choices: [{ message: { content } }] } },
            error: null,
          }),
        );
      }
      writeFileSync(join(dir, resultsFile), `${lines.join('\n')}\n`);
    };
    await answer('requests.jsonl', 'results.jsonl', true);
    const back = clinalign(
      ['synthesize', '--queries', 'q.jsonl', '--batch-in', 'results.jsonl', '--out', 'rubrics.jsonl'],
      dir,
    );
    assert.equal(back.code, 1, 'one result does not validate');
    assert.match(back.stderr, /does not match synthesize_rubric/);
    const rubrics = jsonl(readFileSync(join(dir, 'rubrics.jsonl'), 'utf8'));
    assert.equal(rubrics.length, 1);
    assert.equal(rubrics[0].model, 'batch-m-2025');

    const gradeOut = clinalign(
      ['grade', 'cases', '--batch-out', 'grade-requests.jsonl', '--judge-model', 'judge-b'],
      dir,
    );
    assert.equal(gradeOut.code, 0, gradeOut.stderr);
    assert.equal(jsonl(readFileSync(join(dir, 'grade-requests.jsonl'), 'utf8')).length, 2);
    await answer('grade-requests.jsonl', 'grade-results.jsonl');
    const graded = clinalign(['grade', 'cases', '--batch-in', 'grade-results.jsonl', '--format', 'json'], dir);
    assert.equal(graded.code, 0, graded.stderr);
    const report = JSON.parse(graded.stdout);
    assert.equal(report.cases.length, 1);
    assert.equal(typeof report.score, 'number');
  });
});
