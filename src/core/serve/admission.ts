import { HttpError } from './httpError';

/**
 * A bounded queue in front of the handlers: `maxActive` run at once, `maxQueued` wait, and any more are
 * refused at once with 429 and Retry-After, so a burst from a trainer cannot grow memory without bound.
 */
export class Admission {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly maxActive: number,
    private readonly maxQueued: number,
    private readonly retryAfterSeconds = 1,
  ) {}

  get inFlight(): number {
    return this.active + this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.maxActive) {
      if (this.waiting.length >= this.maxQueued) {
        throw new HttpError(
          429,
          `the server is busy (${this.active} requests running, ${this.waiting.length} queued); retry later`,
          { 'retry-after': String(this.retryAfterSeconds) },
        );
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` never dips below the bound under load.
      if (next) next();
      else this.active--;
    }
  }
}
