import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { nodeFileSystem } from '../../core/project/nodeFileSystem';
import { openAiForwarder } from '../../core/serve/forwardChat';
import { rewardJudgeFor } from '../../core/serve/rewardJudgeFor';
import { RubricStore } from '../../core/serve/rubricStore';
import { startServe, type RunningServer } from '../../core/serve/serveServer';
import { TraceLog } from '../../core/serve/traceLog';
import type { ExtensionServices } from '../services';
import { readSettings } from '../settings';

export interface StartServerArguments {
  port?: number;
  /** rl.jsonl files to load; by default every `rl.jsonl` in the workspace (at most 20). */
  data?: string[];
}

/** What the command resolves with (for tests and other extensions); the token is never logged. */
export interface ServerInfo {
  url: string;
  token: string;
  rubrics: number;
}

/**
 * ClinAlign: Start reward & revision server — `clinalign serve` inside the editor, on 127.0.0.1 with a fresh
 * token, judged by the configured model endpoint (the same trust gate and key as every model command) with the
 * grader of `clinalign.serve.grader`.
 */
export function registerServeCommands(services: ExtensionServices): vscode.Disposable[] {
  let running: { server: RunningServer; info: ServerInfo } | undefined;
  const { log } = services;

  const show = (info: ServerInfo) => {
    void vscode.window
      .showInformationMessage(
        `ClinAlign server running at ${info.url} (${info.rubrics} rubrics loaded)`,
        'Copy URL',
        'Copy token',
        'Stop',
      )
      .then((choice) => {
        if (choice === 'Copy URL') void vscode.env.clipboard.writeText(info.url);
        if (choice === 'Copy token') void vscode.env.clipboard.writeText(info.token);
        if (choice === 'Stop') void vscode.commands.executeCommand('clinalign.stopServer');
      });
  };

  const start = async (args: StartServerArguments = {}): Promise<ServerInfo | undefined> => {
    if (running) {
      show(running.info);
      return running.info;
    }
    const files =
      args.data ?? (await vscode.workspace.findFiles('**/rl.jsonl', '**/node_modules/**', 20)).map((u) => u.fsPath);
    const { serveGrader } = readSettings();
    const run = await services.model.run('Start reward & revision server', undefined, async (client) => {
      const store = new RubricStore(nodeFileSystem);
      for (const file of files) {
        const loaded = store.load(file);
        log.info(
          `serve: ${file}: ${loaded.records} records${loaded.problems.length ? `, ${loaded.problems.length} lines skipped` : ''}`,
        );
      }
      const token = randomBytes(18).toString('base64url');
      const apiKey = await services.apiKeys.get(client.config.baseUrl);
      const server = await startServe({
        port: args.port ?? 8765,
        token,
        // The session's judge cache, which the editor's grading shares, as the server's own: hits are counted.
        judge: rewardJudgeFor(serveGrader, client, client.resultCache),
        forward: openAiForwarder(client.config, apiKey),
        library: () => services.host.library,
        store,
        version: String(services.context.extension.packageJSON.version ?? 'dev'),
        traces: new TraceLog(
          path.join(services.context.logUri.fsPath, 'serve-traces.jsonl'),
          (line) => log.warn(line),
          nodeFileSystem,
        ),
        log: (line) => log.debug(`serve: ${line}`),
      });
      return { server, info: { url: server.url, token, rubrics: store.size } };
    });
    if (run.status !== 'done') return undefined;
    running = run.value;
    log.info(
      `serve: listening at ${running.info.url} (judge ${services.model.status().detail}, ${serveGrader} grader)`,
    );
    show(running.info);
    return running.info;
  };

  const stop = async (): Promise<boolean> => {
    if (!running) return false;
    const { server } = running;
    running = undefined;
    await server.close();
    log.info('serve: stopped');
    return true;
  };

  return [
    vscode.commands.registerCommand('clinalign.startServer', (args?: StartServerArguments) =>
      start(args && typeof args === 'object' ? args : {}),
    ),
    vscode.commands.registerCommand('clinalign.stopServer', stop),
    { dispose: () => void stop() },
  ];
}
