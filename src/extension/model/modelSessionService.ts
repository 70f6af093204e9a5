import * as path from 'node:path';
import * as vscode from 'vscode';
import { ConcurrencyLimiter } from '../../core/model/concurrencyLimiter';
import { judgeModelOf } from '../../core/model/endpointConfig';
import { endpointFromSettings, endpointKey } from '../../core/model/endpointSettings';
import { FileJudgeCache } from '../../core/model/fileJudgeCache';
import { ModelClient } from '../../core/model/modelClient';
import { isAbortError } from '../../core/model/modelError';
import { emptyUsage, formatUsage, type ModelUsage } from '../../core/model/modelUsage';
import { redactSecret } from '../../core/model/redactSecret';
import type { ModelState } from '../../core/scenario/scenarioReport';
import type { WorkflowOptions } from '../../core/workflows/workflowOptions';
import type { ApiKeyStore } from './apiKeyStore';
import { EndpointTrustGate } from './endpointTrustGate';
import { MODEL_SECTION, readModelSettings } from './modelSettings';

/** How a model command ended; commands resolve with it so that tests and callers can tell. */
export type ModelRun<T> =
  | { status: 'done'; value: T }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string }
  | { status: 'unavailable'; message: string };

export interface ModelStatus {
  state: ModelState;
  /** One line: the models and host, or what to fix. */
  detail: string;
}

/**
 * The extension's connection to the model endpoint: one ModelClient per effective endpoint (so every command
 * shares its concurrency bound and judge cache), the endpoint's own key from SecretStorage, the trust gate, and the
 * cancellable progress every call runs under.
 */
export class ModelSessionService implements vscode.Disposable {
  private readonly clients = new Map<string, ModelClient>();
  private readonly limiters = new Map<string, ConcurrencyLimiter>();
  private readonly running = new Set<AbortController>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly cache: FileJudgeCache;
  private readonly trust: EndpointTrustGate;
  private readonly totals: ModelUsage = emptyUsage();
  /** Fires when settings, the key or workspace trust change what `status()` says. */
  readonly onDidChangeStatus = this.changed.event;

  constructor(
    context: vscode.ExtensionContext,
    private readonly keys: ApiKeyStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.cache = new FileJudgeCache(path.join(context.globalStorageUri.fsPath, 'judge-cache'));
    this.trust = new EndpointTrustGate(context.workspaceState);
    this.disposables.push(
      keys.onDidChange(() => {
        this.clients.clear(); // the next call builds a client with the new key
        this.changed.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(MODEL_SECTION)) this.changed.fire();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
    );
  }

  status(scope?: vscode.Uri): ModelStatus {
    const effective = readModelSettings(scope);
    const endpoint = endpointFromSettings(effective.settings);
    if (endpoint.state !== 'ready') return { state: endpoint.state, detail: endpoint.message };
    const trust = this.trust.peek(effective, endpoint.config.baseUrl);
    if (trust.kind === 'untrusted-workspace' || trust.kind === 'refused')
      return { state: 'error', detail: trust.message };
    const { config } = endpoint;
    const judge = judgeModelOf(config) === config.model ? '' : `, judge ${judgeModelOf(config)}`;
    return {
      state: 'ready',
      detail: `${config.model}${judge} at ${hostOf(config.baseUrl)}${trust.kind === 'ask' ? ' (set by the workspace: you will be asked before anything is sent)' : ''}`,
    };
  }

  /**
   * Runs `work` with the endpoint's client under a cancellable progress notification. Without a usable endpoint
   * it says so plainly (offering to configure one) and runs nothing.
   */
  async run<T>(
    title: string,
    scope: vscode.Uri | undefined,
    work: (client: ModelClient, options: Required<WorkflowOptions>) => Promise<T>,
  ): Promise<ModelRun<T>> {
    const effective = readModelSettings(scope);
    const endpoint = endpointFromSettings(effective.settings);
    if (endpoint.state === 'not configured') return this.unavailable(`${title} ${endpoint.message}.`, true);
    if (endpoint.state === 'error') return this.unavailable(`${title}: ${endpoint.message}`, true);
    // Keys are per endpoint: only a key stored for this very URL can go there.
    const apiKey = await this.keys.get(endpoint.config.baseUrl);
    const gate = await this.trust.check(effective, endpoint.config.baseUrl, Boolean(apiKey));
    if (!gate.send) return this.unavailable(gate.message, false);

    const client = this.clientFor(endpoint.config, apiKey);
    const before = { ...client.usage };
    const controller = new AbortController();
    this.running.add(controller);
    try {
      const value = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `ClinAlign: ${title}`, cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => controller.abort());
          let reported = 0;
          return work(client, {
            signal: controller.signal,
            onProgress: ({ done, total, message }) => {
              const increment = total > 0 ? (100 * done) / total - reported : 0;
              reported += Math.max(increment, 0);
              progress.report({
                message: message ? `${message} (${done}/${total})` : `${done}/${total}`,
                increment: Math.max(increment, 0),
              });
            },
          });
        },
      );
      return { status: 'done', value };
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) {
        this.log.info(`${title}: cancelled`);
        return { status: 'cancelled' };
      }
      const message = redactSecret(`${title} failed: ${(error as Error).message ?? String(error)}`, apiKey);
      this.log.error(message);
      void vscode.window
        .showErrorMessage(`ClinAlign: ${message}`, 'Show log')
        .then((choice) => choice && this.log.show());
      return { status: 'failed', message };
    } finally {
      this.running.delete(controller);
      this.logUsage(title, client, before);
    }
  }

  /** Cancels every model call in flight; resolves with how many commands were running. */
  cancelAll(): number {
    const count = this.running.size;
    for (const controller of this.running) controller.abort();
    return count;
  }

  resetTrust(): Promise<number> {
    return this.trust.reset().then((count) => (this.changed.fire(), count));
  }

  private clientFor(config: ModelClient['config'], apiKey: string | undefined): ModelClient {
    const key = endpointKey(config);
    let client = this.clients.get(key);
    if (!client) {
      // One limiter per server and bound, however many clients (models, settings) send to it.
      const limiterKey = `${config.baseUrl} ${config.maxConcurrency}`;
      let limiter = this.limiters.get(limiterKey);
      if (!limiter) this.limiters.set(limiterKey, (limiter = new ConcurrencyLimiter(config.maxConcurrency)));
      client = new ModelClient({
        config,
        apiKey,
        cache: this.cache,
        limiter,
        log: (line) => this.log.debug(redactSecret(line, apiKey)),
      });
      this.clients.set(key, client);
    }
    return client;
  }

  /** The run's cost and the session's running totals, in the ClinAlign log. */
  private logUsage(title: string, client: ModelClient, before: ModelUsage): void {
    const run = Object.fromEntries(
      Object.entries(client.usage).map(([k, v]) => [k, v - before[k as keyof ModelUsage]]),
    ) as unknown as ModelUsage;
    for (const k of Object.keys(run) as (keyof ModelUsage)[]) this.totals[k] += run[k];
    this.log.info(
      `${title}: model ${client.model}, judge ${client.judgeModel}; ${formatUsage(run)}. Session so far: ${formatUsage(this.totals)}`,
    );
  }

  private unavailable(message: string, offerConfigure: boolean): ModelRun<never> {
    this.log.warn(message);
    const full = `ClinAlign: ${message}`;
    if (offerConfigure) {
      void vscode.window
        .showWarningMessage(full, 'Configure model')
        .then((choice) => choice && vscode.commands.executeCommand('clinalign.configureModel'));
    } else {
      void vscode.window.showWarningMessage(full);
    }
    return { status: 'unavailable', message };
  }

  dispose(): void {
    this.cancelAll();
    for (const d of this.disposables) d.dispose();
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
