import { onAbort } from './abortListeners';

/**
 * A counting semaphore shared by every call to one endpoint, so that the total number of requests in
 * flight stays bounded however many workflows run at once. A queued task whose signal aborts leaves the
 * queue without ever starting.
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly queue: { start: () => void }[] = [];

  constructor(readonly maxConcurrency: number) {
    if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1)
      throw new RangeError('maxConcurrency must be a whole number ≥ 1');
  }

  get pending(): number {
    return this.queue.length;
  }

  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      let unsubscribe = () => {};
      const start = () => {
        unsubscribe();
        this.active++;
        task()
          .then(resolve, reject)
          .finally(() => {
            this.active--;
            this.next();
          });
      };
      const cancel = () => {
        const index = this.queue.indexOf(entry);
        if (index >= 0) this.queue.splice(index, 1);
        reject(signal!.reason);
      };
      const entry = { start };
      if (this.active < this.maxConcurrency) start();
      else {
        this.queue.push(entry);
        if (signal) unsubscribe = onAbort(signal, cancel);
      }
    });
  }

  private next(): void {
    const entry = this.queue.shift();
    entry?.start();
  }
}
