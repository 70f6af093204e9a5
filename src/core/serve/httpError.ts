/** An answer the server gives on purpose (4xx, 429, 503): its message goes back to the caller as JSON. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
