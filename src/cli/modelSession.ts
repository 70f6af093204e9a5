import { FileJudgeCache } from '../core/model/fileJudgeCache';
import { judgeCacheDir } from '../core/model/judgeCacheDir';
import { ModelClient } from '../core/model/modelClient';
import { formatUsage } from '../core/model/modelUsage';
import type { WorkflowProgress } from '../core/workflows/workflowOptions';
import { resolveEndpoint, type ModelFlags, type ResolvedEndpoint } from './resolveEndpoint';
import { clearProgress, writeProgress } from './terminalOutput';

export interface ModelSessionOptions extends ModelFlags {
  /** false with `--no-cache`. */
  cache?: boolean;
  verbose?: boolean;
}

/** A client for one CLI run: results cached in the user's cache folder, Ctrl+C cancels, a progress line on a TTY. */
export class ModelSession {
  readonly endpoint: ResolvedEndpoint;
  readonly client: ModelClient;
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private lastLine = 0;

  constructor(options: ModelSessionOptions) {
    this.endpoint = resolveEndpoint(options);
    this.signal = this.controller.signal;
    this.client = new ModelClient({
      config: this.endpoint.config,
      apiKey: this.endpoint.apiKey,
      cache: options.cache === false ? undefined : new FileJudgeCache(judgeCacheDir()),
      ...(options.verbose ? { log: (line: string) => process.stderr.write(`${line}\n`) } : {}),
    });
    process.once('SIGINT', this.cancel);
  }

  private readonly cancel = () => {
    process.stderr.write('\nclinalign: cancelling…\n');
    this.controller.abort();
  };

  /** `label 12/40` rewritten in place on a terminal; nothing when stderr is a file or pipe. */
  progress = (label: string) => (progress: WorkflowProgress) => {
    if (!process.stderr.isTTY) return;
    const now = Date.now();
    if (progress.done < progress.total && now - this.lastLine < 100) return;
    this.lastLine = now;
    writeProgress(`${label} ${progress.done}/${progress.total}${progress.message ? ` ${progress.message}` : ''}`);
  };

  /** Clears the progress line and prints what the run cost. */
  finish(): void {
    process.removeListener('SIGINT', this.cancel);
    clearProgress();
    process.stderr.write(
      `model: ${this.client.model}, judge: ${this.client.judgeModel}; ${formatUsage(this.client.usage)}\n`,
    );
  }
}
