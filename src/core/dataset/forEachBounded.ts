/**
 * Runs `work` on each item of a (possibly streamed) sequence with at most `concurrency` at once; items are
 * pulled only when a worker is free, so a file of any length is never read ahead.
 */
export async function forEachBounded<T>(
  items: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const iterator =
    Symbol.asyncIterator in items
      ? (items as AsyncIterable<T>)[Symbol.asyncIterator]()
      : toAsync((items as Iterable<T>)[Symbol.iterator]());
  let pulling = Promise.resolve();
  const next = (): Promise<IteratorResult<T>> => {
    // Pulls are serialized: async generators must not be advanced concurrently.
    const result = pulling.then(() => iterator.next());
    pulling = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };
  const worker = async () => {
    for (;;) {
      if (signal?.aborted) return;
      const { done, value } = await next();
      if (done) return;
      await work(value);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}

function toAsync<T>(iterator: Iterator<T>): AsyncIterator<T> {
  return { next: async () => iterator.next() };
}
