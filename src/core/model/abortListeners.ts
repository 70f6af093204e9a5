/**
 * One 'abort' listener per signal, however many requests wait on it. A run's signal is shared by every queued
 * and in-flight request (hundreds in a grade or eval), and an AbortSignal with more than 10 listeners makes
 * Node print "Possible EventTarget memory leak detected".
 */
const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `callback` once when `signal` aborts (at once if it already has); returns the function that unsubscribes. */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) {
    callback();
    return () => {};
  }
  let callbacks = waiting.get(signal);
  if (!callbacks) {
    const fresh = new Set<() => void>();
    waiting.set(signal, fresh);
    signal.addEventListener(
      'abort',
      () => {
        const due = [...fresh];
        fresh.clear();
        for (const call of due) call();
      },
      { once: true },
    );
    callbacks = fresh;
  }
  const entry = () => callback();
  callbacks.add(entry);
  return () => callbacks.delete(entry);
}

/**
 * A controller of its own for one request, aborted when the caller's signal aborts: the SDK listens to this
 * one, so the caller's signal keeps a single listener. `dispose` unsubscribes once the request is over.
 */
export function childController(signal: AbortSignal | undefined): { controller: AbortController; dispose: () => void } {
  const controller = new AbortController();
  const dispose = signal ? onAbort(signal, () => controller.abort(signal.reason)) : () => {};
  return { controller, dispose };
}

/** `promise`, or the signal's reason as soon as it aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const unsubscribe = onAbort(signal, () => reject(signal.reason));
    promise.then(resolve, reject).finally(unsubscribe);
  });
}
