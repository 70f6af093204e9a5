import type { StartedWorker } from '../core/lint/budgetedLinter';
import { cliLibrarySpec } from './librarySpec';
import { lintWorkerFile } from './lintWorkerFile';
import { Worker } from 'node:worker_threads';

/**
 * `clinalign lint` starts its lint worker first thing, before the rest of the CLI has loaded (its commands,
 * commander, the YAML parser: ~100 ms), so the worker boots and loads its library meanwhile. It is sent the
 * library of a plain `clinalign lint` (bundled + the team folder); with flags that change the library
 * (`--principles`, `--no-bundled`) the lint command sends the right one, as it always does (the same library is
 * never sent twice). Imported first by main.ts; other commands start no worker.
 */
export class EarlyLintWorker {
  private started: StartedWorker | undefined;

  constructor(argv: readonly string[]) {
    if (argv[2] !== 'lint') return;
    const source = lintWorkerFile();
    const worker = typeof source === 'string' ? new Worker(source) : source();
    worker.unref(); // a run that fails before linting exits without waiting for it
    const plain = !argv.slice(3).some((arg) => arg.startsWith('--principles') || arg.startsWith('--no-bundled'));
    const spec = plain ? cliLibrarySpec({ principles: [] }) : undefined;
    if (spec) worker.postMessage({ type: 'library', spec });
    this.started = { worker, spec };
  }

  /** The started worker, for the lint command to adopt; undefined when none was started or it was taken. */
  take(): StartedWorker | undefined {
    const started = this.started;
    this.started = undefined;
    return started;
  }
}

/** The worker of this run, started when this module loads. */
export const earlyLintWorker = new EarlyLintWorker(process.argv);
