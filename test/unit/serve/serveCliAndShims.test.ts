// `clinalign serve` started as a process, and the Python shims of integrations/ run against a server
// (standard library only; skipped where python3 is missing).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { scriptedModel } from '../../support/scriptedModel';
import { freshCacheDir } from '../cli/cliHarness';
import { QUESTION, RL_RECORD, startHarness, type Harness } from './serveHarness';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const TOKEN = 'shim-token-abcdef';
const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('serve: the CLI command and the Python shims', function () {
  this.timeout(60_000);

  /** `clinalign serve` as a process against `model`; resolves with its URL once it prints it. */
  const spawnServe = (model: OpenAiTestServer, extra: string[] = []) => {
    const dir = mkdtempSync(join(tmpdir(), 'clinalign-serve-cli-'));
    writeFileSync(join(dir, 'rl.jsonl'), `${JSON.stringify(RL_RECORD)}\n`);
    const env = {
      ...process.env,
      CLINALIGN_API_KEY: 'sk-never-shown-0123',
      CLINALIGN_CACHE_DIR: freshCacheDir(),
      CLINALIGN_BASE_URL: '',
      CLINALIGN_MODEL: '',
    };
    const args = ['serve', '--port', '0', '--data', 'rl.jsonl', '--base-url', model.baseUrl, '--model', 'm'];
    const child = spawn(
      process.execPath,
      ['--import', TSX, join(ROOT, 'src', 'cli', 'main.ts'), ...args, '--token', TOKEN, '--no-traces', ...extra],
      { cwd: dir, env },
    );
    const out = { stdout: '', stderr: '' };
    child.stderr.on('data', (d) => (out.stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const url = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out.stdout += d;
        if (out.stdout.includes('\n')) resolve(out.stdout.split('\n')[0]!);
      });
      child.on('close', () => reject(new Error(`serve exited early: ${out.stderr}`)));
    });
    const stop = async () => {
      child.kill('SIGTERM');
      assert.equal(await exited, 0, out.stderr);
    };
    return { url, out, stop };
  };
  const health = async (url: string) =>
    (await (await fetch(`${url}/health`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as any;
  const reward = async (url: string) =>
    (await (
      await fetch(`${url}/get_reward?token=${TOKEN}`, {
        method: 'POST',
        body: JSON.stringify({
          query: ['Call emergency services immediately.'],
          prompts: [''],
          labels: ['chest-pain'],
        }),
      })
    ).json()) as any;

  it('`clinalign serve --port 0` prints its URL, answers /health and /get_reward, and exits 0 on SIGTERM', async () => {
    const model = await OpenAiTestServer.start({ script: scriptedModel() });
    const serve = spawnServe(model);
    try {
      const url = await serve.url;
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const h = await health(url);
      assert.equal(h.rubrics.loaded, 1);
      assert.equal(h.judge.model, 'm');
      assert.equal(h.judge.grader, 'clinalign');
      assert.deepEqual((await reward(url)).rewards, [10 / 15]);
    } finally {
      await serve.stop();
      await model.close();
    }
    const printed = `${serve.out.stdout}${serve.out.stderr}`;
    assert.ok(
      !printed.includes(TOKEN) && !printed.includes('sk-never-shown'),
      'neither the token nor the key is printed',
    );
  });

  it('`clinalign serve --grader healthbench`: /health and the startup line name the grader, which judges the rewards', async () => {
    const model = await OpenAiTestServer.start({ script: scriptedModel() });
    const serve = spawnServe(model, ['--grader', 'healthbench']);
    try {
      const url = await serve.url;
      assert.equal((await health(url)).judge.grader, 'healthbench');
      assert.deepEqual((await reward(url)).rewards, [10 / 15]);
      // One plain call per item at the reference grader's temperature, no response_format.
      const judged = model.chatRequests.filter((r) => r.body?.temperature === 0.5 && !r.body.response_format);
      assert.equal(judged.length, RL_RECORD.rubrics.length);
    } finally {
      await serve.stop();
      await model.close();
    }
    // After the exit: stderr is read to its end.
    assert.match(serve.out.stderr, /clinalign serve: http:\S+ \(judge m, healthbench grader, 1 rubrics/);
  });

  describe('Python shims', function () {
    let h: Harness;
    before(async function () {
      if (!hasPython) this.skip();
      h = await startHarness({ token: TOKEN });
    });
    after(() => h?.close());

    // Spawned asynchronously: the server answering the shims runs in this process.
    const python = async (script: string) => {
      const child = spawn('python3', ['-c', script], {
        env: {
          ...process.env,
          CLINALIGN_URL: h.serve.url,
          CLINALIGN_SERVE_TOKEN: TOKEN,
          PYTHONPATH: join(ROOT, 'integrations'),
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(code, 0, stderr);
      return JSON.parse(stdout);
    };

    it('verl: async compute_score(data_source, solution_str, ground_truth, extra_info) returns {"score", …}', async () => {
      const out = await python(`
import asyncio, json, verl_reward
rubric = ${JSON.stringify(JSON.stringify(RL_RECORD.rubrics))}
r = asyncio.run(verl_reward.compute_score("clinalign", "Call emergency services immediately.", rubric, {"prompt_id": "chest-pain", "prompt": [{"role": "user", "content": ${JSON.stringify(QUESTION)}}]}))
print(json.dumps(r))`);
      assert.equal(out.score, 10 / 15);
      assert.equal(out.judge_failures, 0);
    });

    it('TRL: rubric_reward(prompts, completions, prompt_id=… or rubrics=…) returns one float per completion', async () => {
      const out = await python(`
import json, trl_reward
prompts = [[{"role": "user", "content": ${JSON.stringify(QUESTION)}}]] * 2
completions = [[{"role": "assistant", "content": "Call emergency services immediately."}], [{"role": "assistant", "content": "Suggests waiting to see whether it passes."}]]
by_id = trl_reward.rubric_reward(prompts, completions, prompt_id=["chest-pain", "chest-pain"])
inline = trl_reward.rubric_reward(prompts, completions, rubrics=[${JSON.stringify(JSON.stringify(RL_RECORD.rubrics))}] * 2)
print(json.dumps([by_id, inline]))`);
      assert.deepEqual(out, [
        [10 / 15, -6 / 15],
        [10 / 15, -6 / 15],
      ]);
    });

    it('an OpenRLHF-style client (no headers but JSON, token in the URL) gets rewards, scores and extra_logs', async () => {
      const out = await python(`
import json, os, urllib.request
body = {"query": ["<|im_start|>user\\nq<|im_end|>\\n<|im_start|>assistant\\nCall emergency services immediately.<|im_end|>"], "prompts": ["<|im_start|>user\\nq<|im_end|>\\n<|im_start|>assistant\\n"], "labels": ["chest-pain"]}
req = urllib.request.Request(os.environ["CLINALIGN_URL"] + "/get_reward?token=" + os.environ["CLINALIGN_SERVE_TOKEN"], data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
print(urllib.request.urlopen(req, timeout=30).read().decode())`);
      assert.deepEqual(out.rewards, [10 / 15]);
      assert.deepEqual(out.scores, [10 / 15]);
      assert.ok(Array.isArray(out.extra_logs.judge_failures));
    });
  });
});
