// Shared by the model suites: the OpenAI-compatible test server runs in this (extension host) process and the
// user's own settings point ClinAlign at it, so no endpoint-trust question is asked.
import * as vscode from 'vscode';
import { OpenAiTestServer } from '../support/openaiTestServer';
import { scriptedModel } from '../support/scriptedModel';

export const MODEL_SETTINGS = [
  'baseUrl',
  'model',
  'judgeModel',
  'timeoutMs',
  'maxConcurrency',
  'revisionRounds',
] as const;

export async function modelSetting(name: (typeof MODEL_SETTINGS)[number], value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('clinalign.model').update(name, value, vscode.ConfigurationTarget.Global);
}

export async function startModelServer(): Promise<OpenAiTestServer> {
  const server = await OpenAiTestServer.start({ script: scriptedModel() });
  await modelSetting('baseUrl', server.baseUrl);
  await modelSetting('model', 'it-model');
  await modelSetting('judgeModel', 'it-judge');
  await modelSetting('timeoutMs', 10000);
  return server;
}

export const CHEST_PAIN_QUESTION = "I'm 58 and have had crushing chest pain for 20 minutes. What should I do?";

/** A chest-pain case with a three-item rubric the keyword judge grades; `frontMatter` adds lines (e.g. `review:`). */
export const caseWithRubric = (id: string, answer: string, frontMatter = '') => `---
id: ${id}
prompt: "${CHEST_PAIN_QUESTION}"
${frontMatter}rubric:
  - criterion: Advises calling emergency services immediately (${id})
    points: 10
    tags: [axis:accuracy]
  - criterion: Mentions chewing aspirin if not allergic (${id})
    points: 5
    tags: [axis:completeness]
  - criterion: Suggests waiting to see whether it passes (${id})
    points: -6
    tags: [axis:accuracy]
---
${answer}
`;

/** Waits until the scenario status says the model endpoint is ready (the settings reach the session service). */
export async function waitForModelReady(): Promise<void> {
  const deadline = Date.now() + 10000;
  for (;;) {
    const report = await vscode.commands.executeCommand<{ detail: string } | undefined>('clinalign.classifyScenario');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    if (report?.detail.endsWith('model: ready')) return;
    if (Date.now() > deadline) throw new Error(`the model endpoint is not ready: ${report?.detail}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function stopModelServer(server: OpenAiTestServer | undefined): Promise<void> {
  for (const name of MODEL_SETTINGS) await modelSetting(name, undefined);
  await server?.close();
}

/** The body lines of chat requests that asked for this schema. */
export function requestsFor(server: OpenAiTestServer, schema: string): number {
  return server.chatRequests.filter(
    (r) => r.rawBody.includes(`"name":"${schema}"`) || r.rawBody.includes(`(${schema})`),
  ).length;
}

export type Run<T> =
  | { status: 'done'; value: T }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string }
  | { status: 'unavailable'; message: string };

export function done<T>(run: Run<T> | undefined): T {
  if (!run || run.status !== 'done') throw new Error(`the model command did not finish: ${JSON.stringify(run)}`);
  return run.value;
}
