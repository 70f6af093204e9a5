// Shared by the model suites: the OpenAI-compatible test server runs in this (extension host) process and the
// user's own settings point ClinAlign at it, so no endpoint-trust question is asked.
import * as vscode from 'vscode';
import { OpenAiTestServer } from '../support/openaiTestServer';
import { scriptedModel } from '../support/scriptedModel';

export const MODEL_SETTINGS = ['baseUrl', 'model', 'judgeModel', 'timeoutMs', 'maxConcurrency', 'revisionRounds'] as const;

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

export async function stopModelServer(server: OpenAiTestServer | undefined): Promise<void> {
  for (const name of MODEL_SETTINGS) await modelSetting(name, undefined);
  await server?.close();
}

/** The body lines of chat requests that asked for this schema. */
export function requestsFor(server: OpenAiTestServer, schema: string): number {
  return server.chatRequests.filter((r) => r.rawBody.includes(`"name":"${schema}"`) || r.rawBody.includes(`(${schema})`)).length;
}

export type Run<T> = { status: 'done'; value: T } | { status: 'cancelled' } | { status: 'failed'; message: string } | { status: 'unavailable'; message: string };

export function done<T>(run: Run<T> | undefined): T {
  if (!run || run.status !== 'done') throw new Error(`the model command did not finish: ${JSON.stringify(run)}`);
  return run.value;
}
