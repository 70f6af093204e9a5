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

  it('`clinalign serve --port 0` prints its URL, answers /health and /get_reward, and exits 0 on SIGTERM', async () => {
    const model = await OpenAiTestServer.start({ script: scriptedModel() });
    const dir = mkdtempSync(join(tmpdir(), 'clinalign-serve-cli-'));
    writeFileSync(join(dir, 'rl.jsonl'), `${JSON.stringify(RL_RECORD)}\n`);
    const env = {
      ...process.env,
      CLINALIGN_API_KEY: 'sk-never-shown-0123',
      CLINALIGN_CACHE_DIR: freshCacheDir(),
      CLINALIGN_BASE_URL: '',
      CLINALIGN_MODEL: '',
    };
    const child = spawn(
      process.execPath,
      [
        '--import',
        TSX,
        join(ROOT, 'src', 'cli', 'main.ts'),
        'serve',
        '--port',
        '0',
        '--data',
        'rl.jsonl',
        '--base-url',
        model.baseUrl,
        '--model',
        'm',
        '--token',
        TOKEN,
        '--no-traces',
      ],
      { cwd: dir, env },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          stdout += d;
          if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
        });
        child.on('close', () => reject(new Error(`serve exited early: ${stderr}`)));
      });
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const health = (await (
        await fetch(`${url}/health`, { headers: { authorization: `Bearer ${TOKEN}` } })
      ).json()) as any;
      assert.equal(health.rubrics.loaded, 1);
      assert.equal(health.judge.model, 'm');
      const reward = (await (
        await fetch(`${url}/get_reward?token=${TOKEN}`, {
          method: 'POST',
          body: JSON.stringify({
            query: ['Call emergency services immediately.'],
            prompts: [''],
            labels: ['chest-pain'],
          }),
        })
      ).json()) as any;
      assert.deepEqual(reward.rewards, [10 / 15]);
    } finally {
      child.kill('SIGTERM');
      assert.equal(await exited, 0, stderr);
      await model.close();
    }
    assert.ok(
      !`${stdout}${stderr}`.includes(TOKEN) && !`${stdout}${stderr}`.includes('sk-never-shown'),
      'neither the token nor the key is printed',
    );
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
