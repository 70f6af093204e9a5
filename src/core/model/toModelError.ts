import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ModelError } from './modelError';
import { redactSecret } from './redactSecret';
import { parseRetryAfter } from './retryPolicy';

export interface ErrorContext {
  baseUrl: string;
  timeoutMs: number;
  apiKey: string | undefined;
  /** The caller's signal fired: a cancellation, not a failure. */
  aborted: boolean;
  /** Our per-request timer fired. */
  timedOut: boolean;
}

/** Any failure of a request as a ModelError with a redacted, actionable message. */
export function toModelError(error: unknown, context: ErrorContext): ModelError {
  const clean = (text: string) => redactSecret(text, context.apiKey);
  // Before anything else: a stream cut short by our timer or by the caller is a timeout or a cancellation,
  // not a truncated stream to retry.
  if (context.timedOut || error instanceof APIConnectionTimeoutError) {
    return new ModelError(
      'timeout',
      clean(
        `no reply from ${context.baseUrl} within ${context.timeoutMs} ms (a slow or busy model may need a longer --timeout)`,
      ),
    );
  }
  if (context.aborted || error instanceof APIUserAbortError || (error as { name?: string })?.name === 'AbortError') {
    return new ModelError('aborted', 'the model request was cancelled');
  }
  if (error instanceof ModelError) return error;
  if (error instanceof APIError && error.status !== undefined) {
    const retryAfterMs = parseRetryAfter(
      error.headers?.get?.('retry-after-ms')
        ? String(Number(error.headers.get('retry-after-ms')) / 1000)
        : error.headers?.get?.('retry-after'),
    );
    return new ModelError(
      'http',
      clean(`${context.baseUrl} answered ${error.status}: ${detailOf(error)}${hintFor(error.status)}`),
      error.status,
      retryAfterMs,
    );
  }
  const cause = (error as { cause?: { message?: string; code?: string } })?.cause;
  const detail = [(error as Error)?.message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
  return new ModelError('network', clean(`cannot get a reply from ${context.baseUrl}: ${detail || String(error)}`));
}

function detailOf(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : error.message.replace(/^\d{3}\s*/, '');
  return message.length > 500 ? `${message.slice(0, 500)}…` : message;
}

function hintFor(status: number): string {
  if (status === 401 || status === 403) return ' (check CLINALIGN_API_KEY or OPENAI_API_KEY)';
  if (status === 404) return ' (check the base URL — it usually ends in /v1 — and the model name)';
  return '';
}
