import { Worker } from 'node:worker_threads';
import type { Finding } from './finding';
import type { LintInput } from './lintAnswer';
import type { FromLintWorker, LibrarySpec } from './lintWorkerProtocol';

/** What a budgeted lint gives back: the findings, or word that the budget ran out. */
export type BudgetedFindings = { findings: Finding[] } | { timedOut: true; budgetMs: number };

/** Per answer, in the editor and the CLI: far above a normal lint (milliseconds), far below a frozen editor. */
export const LINT_TIME_BUDGET_MS = 2000;

/** Time for a fresh worker to start and compile the library before its first lint is timed. */
const STARTUP_ALLOWANCE_MS = 15_000;

/**
 * Lints answers in a worker thread with a time budget per answer. Detector patterns are linear (see
 * regexEngine.ts), so the budget is a second line of defence: a lint that still overruns (a giant input, a
 * bug) is stopped by terminating the worker, reported, and the next lint starts a fresh worker. One lint runs
 * at a time; later ones queue.
 */
export class BudgetedLinter {
  private worker: Worker | undefined;
  private warm = false;
  private spec: LibrarySpec | undefined;
  private nextId = 0;
  private queue: Promise<unknown> = Promise.resolve();

  /** `worker`: the bundled worker's path, or a function that starts one (tests running from sources). */
  constructor(
    private readonly workerSource: string | (() => Worker),
    private readonly budgetMs: number,
  ) {}

  /** The library every later lint uses (sent to the running worker, and to each fresh one). */
  setLibrary(spec: LibrarySpec): void {
    this.spec = spec;
    this.worker?.postMessage({ type: 'library', spec });
  }

  /** Starts the worker now (it loads the library while the caller reads its files), not on the first lint. */
  start(): void {
    this.ensureWorker();
  }

  lint(input: LintInput): Promise<BudgetedFindings> {
    const run = this.queue.then(() => this.lintNow(input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private lintNow(input: LintInput): Promise<BudgetedFindings> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const allowance = this.warm ? 0 : STARTUP_ALLOWANCE_MS;
    return new Promise<BudgetedFindings>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const onMessage = (message: FromLintWorker) => {
        if (message.id !== id) return;
        done();
        this.warm = true;
        if (message.type === 'findings') resolve({ findings: message.findings });
        else reject(new Error(message.message));
      };
      const onError = (error: Error) => {
        done();
        this.discardWorker();
        reject(error);
      };
      const timer = setTimeout(() => {
        done();
        this.discardWorker();
        resolve({ timedOut: true, budgetMs: this.budgetMs });
      }, this.budgetMs + allowance);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ type: 'lint', id, input });
    });
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = typeof this.workerSource === 'string' ? new Worker(this.workerSource) : this.workerSource();
      this.worker.unref();
      this.warm = false;
      if (this.spec) this.worker.postMessage({ type: 'library', spec: this.spec });
    }
    return this.worker;
  }

  private discardWorker(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  dispose(): void {
    this.discardWorker();
  }
}
