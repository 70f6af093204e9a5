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

/** A lint asked for and not yet answered. */
interface Job {
  id: number;
  input: LintInput;
  resolve: (result: BudgetedFindings) => void;
  reject: (error: Error) => void;
}

/** A worker already started by the caller (the CLI starts one first thing), and the library it was sent. */
export interface StartedWorker {
  worker: Worker;
  spec: LibrarySpec | undefined;
}

/**
 * Lints answers in a worker thread with a time budget per answer. Detector patterns are linear (see
 * regexEngine.ts), so the budget is a second line of defence: a lint that still overruns (a giant input, a
 * bug) is stopped by terminating the worker, reported, and the answers after it go to a fresh worker.
 *
 * Lints are answered one at a time, in order, but sent to the worker as soon as they are asked for, so it
 * never waits for the caller between two answers. The budget of each answer starts when the one before it
 * is answered (when the worker starts it); the first answer of a fresh worker also gets the start-up allowance.
 */
export class BudgetedLinter {
  private worker: Worker | undefined;
  private warm = false;
  private spec: LibrarySpec | undefined;
  /** The library the running worker was last sent (as JSON), so the same one is not loaded twice. */
  private sentSpec: string | undefined;
  /** Whether `setLibrary` was called yet (the first call may find the adopted worker already has it). */
  private librarySet = false;
  private nextId = 0;
  /** In order: the first is being linted (and timed), the others wait in the worker's queue. */
  private readonly jobs: Job[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `worker`: the bundled worker's path, or a function that starts one (tests running from sources). */
  constructor(
    private readonly workerSource: string | (() => Worker),
    private readonly budgetMs: number,
    started?: StartedWorker,
  ) {
    if (started) this.adopt(started.worker, started.spec);
  }

  /** The library every later lint uses (sent to the running worker, and to each fresh one). */
  setLibrary(spec: LibrarySpec): void {
    // The worker the CLI started first thing is already loading this library: not twice. Any later call
    // means the library changed on disk (a team file edited) even when its description did not: reload.
    const preloaded = !this.librarySet && this.sentSpec === JSON.stringify(spec);
    this.spec = spec;
    this.librarySet = true;
    if (this.worker && !preloaded) this.postLibrary(this.worker);
  }

  /** Starts the worker now (it loads the library while the caller reads its files), not on the first lint. */
  start(): void {
    this.ensureWorker();
  }

  lint(input: LintInput): Promise<BudgetedFindings> {
    return new Promise<BudgetedFindings>((resolve, reject) => {
      const job: Job = { id: this.nextId++, input, resolve, reject };
      this.jobs.push(job);
      this.ensureWorker().postMessage({ type: 'lint', id: job.id, input });
      if (this.jobs.length === 1) this.timeFirstJob();
    });
  }

  private timeFirstJob(): void {
    clearTimeout(this.timer);
    const allowance = this.warm ? 0 : STARTUP_ALLOWANCE_MS;
    this.timer = setTimeout(() => this.overrun(), this.budgetMs + allowance);
  }

  /** The first job ran out of time: reported, its worker stopped, the jobs after it sent to a fresh worker. */
  private overrun(): void {
    const job = this.jobs.shift();
    this.discardWorker();
    job?.resolve({ timedOut: true, budgetMs: this.budgetMs });
    this.resendJobs();
  }

  private onMessage(worker: Worker, message: FromLintWorker): void {
    const job = this.jobs[0];
    if (worker !== this.worker || !job || message.id !== job.id) return;
    clearTimeout(this.timer);
    this.jobs.shift();
    this.warm = true;
    if (this.jobs.length > 0) this.timeFirstJob();
    if (message.type === 'findings') job.resolve({ findings: message.findings });
    else job.reject(new Error(message.message));
  }

  private onError(worker: Worker, error: Error): void {
    if (worker !== this.worker) return;
    clearTimeout(this.timer);
    const job = this.jobs.shift();
    this.discardWorker();
    job?.reject(error);
    this.resendJobs();
  }

  /** After a worker was discarded: the waiting jobs go to a fresh one, in order. */
  private resendJobs(): void {
    if (this.jobs.length === 0) return;
    const worker = this.ensureWorker();
    for (const job of this.jobs) worker.postMessage({ type: 'lint', id: job.id, input: job.input });
    this.timeFirstJob();
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.adopt(typeof this.workerSource === 'string' ? new Worker(this.workerSource) : this.workerSource());
    }
    return this.worker!;
  }

  private adopt(worker: Worker, sentSpec?: LibrarySpec): void {
    this.worker = worker;
    worker.unref();
    this.warm = false;
    this.sentSpec = sentSpec && JSON.stringify(sentSpec);
    worker.on('message', (message: FromLintWorker) => this.onMessage(worker, message));
    worker.on('error', (error: Error) => this.onError(worker, error));
    if (this.spec) this.sendLibrary(worker);
  }

  /** A worker just adopted gets the library unless it was started with this one. */
  private sendLibrary(worker: Worker): void {
    if (JSON.stringify(this.spec) !== this.sentSpec) this.postLibrary(worker);
  }

  private postLibrary(worker: Worker): void {
    this.sentSpec = JSON.stringify(this.spec);
    worker.postMessage({ type: 'library', spec: this.spec });
  }

  private discardWorker(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.sentSpec = undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.discardWorker();
  }
}
