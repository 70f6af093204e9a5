/**
 * Polls `condition` every 10 ms until it holds, or fails after `timeoutMs` naming `what`. Tests wait for the
 * state they need (a request reached the server) instead of sleeping a fixed time a busy machine can overrun.
 */
export async function waitUntil(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
