// ClinAlign: Start reward & revision server, in a real extension host, judged by the test server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenAiTestServer } from '../support/openaiTestServer';
import { startModelServer, stopModelServer } from './modelSupport';

describe('serve command', () => {
  let model: OpenAiTestServer | undefined;
  after(async () => {
    await vscode.commands.executeCommand('clinalign.stopServer');
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
    const body = (await health.json()) as { status: string; judge: { model: string }; library: { principles: number } };
    assert.equal(body.status, 'ok');
    assert.equal(body.judge.model, 'it-judge');
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
});
