import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Keep-alive connection pools, one per protocol: owned by the client that made its fetch. */
interface Agents {
  http: HttpAgent;
  https: HttpsAgent;
}

/**
 * The `fetch` an OpenAI SDK client is given: node:http(s) over keep-alive agents of its own (the connections
 * live as long as the client), answering with a small Response of what the SDK reads (status, headers,
 * json/text, and the body as an async iterable for streams). Node's built-in fetch (undici) costs several
 * times more CPU per call in WHATWG streams and objects; at hundreds of judge calls a second that was most of
 * `clinalign serve`'s time. Redirects are left to the built-in fetch.
 */
export function nodeHttpFetch(): typeof fetch {
  const agents: Agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  return (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (typeof input !== 'string' && !(input instanceof URL)) return fetch(input, init);
    const url = typeof input === 'string' ? new URL(input) : input;
    // As fetch does: a URL with credentials is refused (its message is redacted where it is shown).
    if (url.username || url.password)
      throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${url.href}`);
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw abortError(signal);
    const response = await send(url, init ?? {}, signal, agents);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      return fetch(url, init);
    }
    return lightResponse(url.href, response, signal) as unknown as Response;
  }) as typeof fetch;
}

function send(url: URL, init: RequestInit, signal: AbortSignal | undefined, agents: Agents): Promise<IncomingMessage> {
  const https = url.protocol === 'https:';
  if (!https && url.protocol !== 'http:') throw new TypeError(`fetch: unsupported protocol ${url.protocol}`);
  return new Promise((resolve, reject) => {
    const request = (https ? httpsRequest : httpRequest)(
      url,
      { method: init.method ?? 'GET', headers: headersOf(init.headers), agent: https ? agents.https : agents.http },
      (response) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(response);
      },
    );
    const onAbort = () => request.destroy(abortError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    request.end(bodyOf(init.body));
  });
}

function headersOf(headers: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers) headers.forEach((value, name) => (out[name] = value));
  else if (Array.isArray(headers)) for (const [name, value] of headers) out[name!.toLowerCase()] = value!;
  else for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

function bodyOf(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('nodeHttpFetch sends string or byte bodies only');
}

function abortError(signal: AbortSignal): Error {
  const reason = signal.reason as unknown;
  return reason instanceof Error && reason.name === 'AbortError'
    ? reason
    : new DOMException('This operation was aborted', 'AbortError');
}

/** Response headers as fetch's Headers reads them (node lower-cases the names and joins repeated values). */
class ResponseHeaders {
  constructor(private readonly raw: IncomingMessage['headers']) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw).sort()) yield [name, this.get(name)!];
  }
  keys(): IterableIterator<string> {
    return Object.keys(this.raw).sort()[Symbol.iterator]();
  }
  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }
  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of this.entries()) callback(value, name);
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/** What the SDK reads of a Response; the body is read once, as with fetch. */
function lightResponse(url: string, message: IncomingMessage, signal: AbortSignal | undefined) {
  const status = message.statusCode ?? 0;
  const onAbort = () => message.destroy(abortError(signal!));
  signal?.addEventListener('abort', onAbort, { once: true });
  message.once('close', () => signal?.removeEventListener('abort', onAbort));
  // An error before anyone reads the body (an abort, a reset) is kept for the reader, never thrown unheard.
  message.on('error', () => {});
  let used = false;
  const text = (): Promise<string> => {
    if (used) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    used = true;
    if (message.errored) return Promise.reject(message.errored);
    return new Promise((resolve, reject) => {
      // Bytes decoded once at the end (a reply is usually one chunk): cheaper than a string decoder per chunk.
      const chunks: Buffer[] = [];
      message.on('data', (chunk: Buffer) => chunks.push(chunk));
      message.once('end', () =>
        resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')),
      );
      message.once('error', reject);
      message.once('close', () => {
        if (!message.complete) reject(message.errored ?? new TypeError('terminated: the reply ended early'));
      });
    });
  };
  return {
    url,
    status,
    statusText: message.statusMessage ?? '',
    ok: status >= 200 && status < 300,
    redirected: false,
    headers: new ResponseHeaders(message.headers),
    body: message,
    get bodyUsed() {
      return used;
    },
    text,
    json: async (): Promise<unknown> => JSON.parse(await text()),
    arrayBuffer: async (): Promise<ArrayBuffer> => new TextEncoder().encode(await text()).buffer as ArrayBuffer,
  };
}
