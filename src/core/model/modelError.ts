/**
 * What went wrong with a model call, in words a user can act on. The message is always free of the API key;
 * no SDK error (whose fields may hold request headers) is kept as the cause.
 */
export type ModelErrorKind =
  | 'config' // no endpoint, bad settings
  | 'http' // the endpoint answered with an error status
  | 'network' // no answer: connection refused, reset, truncated stream
  | 'timeout'
  | 'aborted'
  | 'invalid-output'; // the reply was not the JSON asked for, even after a repair attempt

export class ModelError extends Error {
  override readonly name = 'ModelError';
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    readonly status?: number,
    /** From the server's `Retry-After`, when it sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof ModelError
    ? error.kind === 'aborted'
    : (error as { name?: string } | undefined)?.name === 'AbortError';
}
