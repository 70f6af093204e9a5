// ClinAlign: Start reward & revision server, in a real extension host, judged by the test server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenAiTestServer } from '../support/openaiTestServer';
import { startModelServer, stopModelServer } from './modelSupport';

describe('serve command', () => {
  let model: OpenAiTestServer | undefined;
  after(async () => {
    await vscode.commands.executeCommand('clinalign.stopServer');
    await vscode.workspace
      .getConfiguration('clinalign')
      .update('serve.grader', undefined, vscode.ConfigurationTarget.Global);
    await stopModelServer(model);
  });

  it('starts the server from the command, shows its URL, answers /health and /get_reward, and stops', async () => {
    model = await startModelServer();
    const info = await vscode.commands.executeCommand<{ url: string; token: string; rubrics: number } | undefined>(
      'clinalign.startServer',
      { port: 0, data: [] },
    );
    assert.ok(info, 'the command started a server');
    assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${info.url}/health`, { headers: { authorization: `Bearer ${info.token}` } });
    assert.equal(health.status, 200);
    const body = (await health.json()) as {
      status: string;
      judge: { model: string; grader: string };
      library: { principles: number };
    };
    assert.equal(body.status, 'ok');
    assert.equal(body.judge.model, 'it-judge');
    assert.equal(body.judge.grader, 'clinalign');
    assert.ok(body.library.principles > 0);
    assert.equal((await fetch(`${info.url}/health`)).status, 401, 'a token is required');
    const rubric = [
      { criterion: 'Advises calling emergency services immediately', points: 10, tags: ['axis:accuracy'] },
    ];
    const reward = await fetch(`${info.url}/get_reward?token=${info.token}`, {
      method: 'POST',
      body: JSON.stringify({
        query: ['Call emergency services immediately.'],
        prompts: [''],
        labels: [{ prompt: [{ role: 'user', content: 'Chest pain, what now?' }], rubrics: rubric }],
      }),
    });
    assert.deepEqual(((await reward.json()) as { rewards: number[] }).rewards, [1]);
    assert.equal(await vscode.commands.executeCommand('clinalign.stopServer'), true);
    await assert.rejects(fetch(`${info.url}/health`));
  });

  it('clinalign.serve.grader "healthbench": the command starts a server whose /health names that grader and whose rewards it judges', async () => {
    model ??= await startModelServer();
    await vscode.workspace
      .getConfiguration('clinalign')
      .update('serve.grader', 'healthbench', vscode.ConfigurationTarget.Global);
    const info = await vscode.commands.executeCommand<{ url: string; token: string } | undefined>(
      'clinalign.startServer',
      { port: 0, data: [] },
    );
    assert.ok(info, 'the command started a server');
    const health = (await (await fetch(`${info.url}/health?token=${info.token}`)).json()) as {
      judge: { grader: string };
    };
    assert.equal(health.judge.grader, 'healthbench');
    model.reset();
    const rubric = [{ criterion: 'Advises calling emergency services immediately', points: 10, tags: [] }];
    const reward = await fetch(`${info.url}/get_reward?token=${info.token}`, {
      method: 'POST',
      body: JSON.stringify({
        // A new answer each run: the editor's judge cache outlives a run.
        query: [`Call emergency services immediately (grader test ${Date.now()}).`],
        prompts: [''],
        labels: [{ prompt: [{ role: 'user', content: 'Chest pain, what now?' }], rubrics: rubric }],
      }),
    });
    assert.deepEqual(((await reward.json()) as { rewards: number[] }).rewards, [1]);
    // The HealthBench grader's call: plain text at temperature 0.5, no response_format.
    assert.deepEqual(
      model.chatRequests.map((r) => [r.body?.temperature, r.body?.response_format]),
      [[0.5, undefined]],
    );
    assert.equal(await vscode.commands.executeCommand('clinalign.stopServer'), true);
    await assert.rejects(fetch(`${info.url}/health`));
  });
});
