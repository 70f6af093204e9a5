import OpenAI from 'openai';
import type { Message } from '../case/caseSchema';
import { childController } from './abortListeners';
import { ConcurrencyLimiter } from './concurrencyLimiter';
import { judgeModelOf, type EndpointConfig } from './endpointConfig';
import { extractJson } from './extractJson';
import { judgeCacheKey, type JudgeCache } from './judgeCache';
import { ModelError } from './modelError';
import { nodeHttpFetch } from './nodeHttpFetch';
import { emptyUsage, type ModelUsage } from './modelUsage';
import { describeIssues, type OutputSchema } from './outputSchema';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelayMs, sleep, type RetryPolicy } from './retryPolicy';
import {
  modesToTry,
  saysResponseFormatUnsupported,
  shapeRequest,
  sharedModeMemory,
  type ConcreteMode,
  type StructuredModeMemory,
} from './structuredMode';
import { redactSecret } from './redactSecret';
import { toModelError } from './toModelError';

export interface ModelClientOptions {
  config: EndpointConfig;
  /** Optional: local vLLM / Ollama servers usually need none. */
  apiKey?: string | undefined;
  /** Where `cache: true` calls keep their results; none means no caching. */
  cache?: JudgeCache | undefined;
  /** Shared across clients of the same endpoint to bound the total in flight; one per client by default. */
  limiter?: ConcurrencyLimiter;
  retry?: Partial<RetryPolicy>;
  modeMemory?: StructuredModeMemory;
  /** One line per request, for an output channel or `--verbose`; never holds the key. */
  log?: (line: string) => void;
}

export interface CompleteOptions {
  signal?: AbortSignal | undefined;
  /** Defaults to the endpoint's model; workflows that judge pass `client.judgeModel`. */
  model?: string;
  /** Look the result up in, and store it to, the judge cache. */
  cache?: boolean;
}

/** A plain-text completion: the sampling settings a protocol fixes (HealthBench's grader: 0.5, 2048 tokens). */
export interface TextOptions {
  signal?: AbortSignal | undefined;
  model?: string;
  /** Overrides the endpoint's temperature for this call. */
  temperature?: number;
  maxTokens?: number;
}

/** The cache entry holding the structured-output mode an endpoint accepted. */
const STRUCTURED_MODE_ENTRY = 'structured_mode';

/** A placeholder the SDK insists on; servers without auth ignore it. */
const NO_KEY = 'no-key';

/**
 * Structured JSON completions from any OpenAI-compatible endpoint: the right `response_format` for what the
 * server supports, zod validation with one repair round, retries with backoff on 429/5xx, timeouts,
 * cancellation, a shared concurrency bound, usage counters and a result cache.
 */
export class ModelClient {
  readonly usage: ModelUsage = emptyUsage();
  readonly config: EndpointConfig;
  private readonly openai: OpenAI;
  private readonly apiKey: string | undefined;
  private readonly cache: JudgeCache | undefined;
  private readonly limiter: ConcurrencyLimiter;
  private readonly retry: RetryPolicy;
  private readonly modeMemory: StructuredModeMemory;
  private readonly log: (line: string) => void;

  constructor(options: ModelClientOptions) {
    this.config = options.config;
    this.apiKey = options.apiKey || undefined;
    this.cache = options.cache;
    this.limiter = options.limiter ?? new ConcurrencyLimiter(options.config.maxConcurrency);
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.modeMemory = options.modeMemory ?? sharedModeMemory;
    const log = options.log;
    // Lines name the endpoint, whose URL may carry credentials (user:KEY@host).
    this.log = log ? (line) => log(redactSecret(line, this.apiKey)) : () => {};
    this.openai = new OpenAI({
      baseURL: this.config.baseUrl,
      apiKey: this.apiKey ?? NO_KEY,
      timeout: this.config.timeoutMs,
      maxRetries: 0,
      fetch: nodeHttpFetch(),
    });
  }

  get model(): string {
    return this.config.model;
  }

  get judgeModel(): string {
    return judgeModelOf(this.config);
  }

  /** Where `cache: true` results are kept; judges built on this client share it. */
  get resultCache(): JudgeCache | undefined {
    return this.cache;
  }

  /**
   * The model's reply as text, with no response_format and no cache: for protocols that parse the reply
   * themselves. Same limiter, retries on 429/5xx/network, timeout and errors as `completeJson`.
   */
  async completeText(messages: readonly Message[], options: TextOptions = {}): Promise<string> {
    const model = options.model ?? this.config.model;
    const sampling = {
      ...(options.temperature !== undefined && { temperature: options.temperature }),
      ...(options.maxTokens !== undefined && { max_tokens: options.maxTokens }),
    };
    try {
      return await this.withRetries(model, options.signal, () =>
        this.send([...messages], undefined, model, options.signal, sampling),
      );
    } catch (error) {
      this.usage.failures++;
      throw error;
    }
  }

  /** A JSON object from the model that satisfies `output.schema`, or a ModelError saying why not. */
  async completeJson<T>(
    output: OutputSchema<T>,
    messages: readonly Message[],
    options: CompleteOptions = {},
  ): Promise<T> {
    const model = options.model ?? this.config.model;
    const key =
      options.cache && this.cache ? judgeCacheKey(this.config.baseUrl, model, messages, output.name) : undefined;
    if (key) {
      const cached = output.schema.safeParse(await this.cache!.get(key));
      if (cached.success) {
        this.usage.cacheHits++;
        return cached.data;
      }
    }
    try {
      const value = await this.completeUncached(output, messages, model, options.signal);
      if (key) await this.cache!.set(key, value);
      return value;
    } catch (error) {
      this.usage.failures++;
      throw error;
    }
  }

  private async completeUncached<T>(
    output: OutputSchema<T>,
    messages: readonly Message[],
    model: string,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    const endpoint = `${this.config.baseUrl} ${model}`;
    const auto = this.config.structuredOutput === 'auto';
    let endProbe: (() => void) | undefined;
    try {
      if (auto && !this.modeMemory.get(endpoint)) await this.recallMode(endpoint, model);
      if (auto) endProbe = await this.modeMemory.claimProbe(endpoint, signal);
    } catch (abort) {
      throw this.toError(abort, signal, false);
    }
    try {
      return await this.completeInMode(output, messages, model, signal, endpoint, () => endProbe?.());
    } finally {
      endProbe?.();
    }
  }

  /** Walks down the modes to try; `known` is called once the endpoint has accepted one. */
  private async completeInMode<T>(
    output: OutputSchema<T>,
    messages: readonly Message[],
    model: string,
    signal: AbortSignal | undefined,
    endpoint: string,
    known: () => void,
  ): Promise<T> {
    const modes = modesToTry(this.config.structuredOutput, this.modeMemory.get(endpoint));
    for (const [index, mode] of modes.entries()) {
      let text: string;
      try {
        text = await this.requestWithRetries(mode, output, messages, model, signal);
      } catch (error) {
        const fallBack =
          index < modes.length - 1 &&
          error instanceof ModelError &&
          saysResponseFormatUnsupported(error.status, error.message);
        if (!fallBack) throw error;
        this.log(`${endpoint}: ${mode} not supported, trying ${modes[index + 1]}`);
        continue;
      }
      if (this.config.structuredOutput === 'auto' && this.modeMemory.get(endpoint) !== mode) {
        this.modeMemory.set(endpoint, mode);
        await this.cache?.set(this.modeKey(model), mode).catch(() => {});
      }
      known();
      const first = parseReply(output, text);
      if (first.ok) return first.value;

      // One repair round: show the model its reply and what was wrong with it.
      this.usage.repairs++;
      const repair: Message[] = [
        ...messages,
        { role: 'assistant', content: text },
        { role: 'user', content: `That reply cannot be used: ${first.problem}. Send the corrected JSON object only.` },
      ];
      const second = parseReply(output, await this.requestWithRetries(mode, output, repair, model, signal));
      if (second.ok) return second.value;
      throw new ModelError(
        'invalid-output',
        `${model} did not return valid ${output.name} JSON after a repair attempt: ${second.problem}`,
      );
    }
    throw new ModelError('config', 'no structured-output mode to try');
  }

  /**
   * The mode an earlier run found for this endpoint, kept in the result cache: without it every new process
   * would make its first call alone (the probe) before the others may start.
   */
  private async recallMode(endpoint: string, model: string): Promise<void> {
    const stored = await this.cache?.get(this.modeKey(model)).catch(() => undefined);
    if (stored === 'json_schema' || stored === 'json_object' || stored === 'prompt')
      this.modeMemory.set(endpoint, stored);
  }

  private modeKey(model: string): string {
    return judgeCacheKey(this.config.baseUrl, model, [], STRUCTURED_MODE_ENTRY);
  }

  private async requestWithRetries(
    mode: ConcreteMode,
    output: OutputSchema<unknown>,
    messages: readonly Message[],
    model: string,
    signal: AbortSignal | undefined,
  ): Promise<string> {
    const shaped = shapeRequest(mode, output, messages);
    return this.withRetries(model, signal, () => this.send(shaped.messages, shaped.responseFormat, model, signal));
  }

  private async withRetries(
    model: string,
    signal: AbortSignal | undefined,
    request: () => Promise<string>,
  ): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.limiter.run(request, signal);
      } catch (raw) {
        const error = raw instanceof ModelError ? raw : this.toError(raw, signal, false);
        const retryable = (error.kind === 'http' && isRetryableStatus(error.status)) || error.kind === 'network';
        if (!retryable || attempt >= this.retry.maxAttempts) throw error;
        this.usage.retries++;
        const delay = retryDelayMs(this.retry, attempt, error.retryAfterMs);
        this.log(`${model}: ${error.message}; retry ${attempt} of ${this.retry.maxAttempts - 1} in ${delay} ms`);
        try {
          await sleep(delay, signal);
        } catch (abort) {
          throw this.toError(abort, signal, false);
        }
      }
    }
  }

  /** One HTTP request with its own timeout covering the whole reply, streamed or not. */
  private async send(
    messages: Message[],
    responseFormat: Record<string, unknown> | undefined,
    model: string,
    signal: AbortSignal | undefined,
    sampling: { temperature?: number; max_tokens?: number } = {},
  ): Promise<string> {
    // A controller per request: the caller's signal, shared by the whole run, keeps one listener.
    const { controller, dispose } = childController(signal);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.config.timeoutMs);
    const started = Date.now();
    this.usage.requests++;
    try {
      const body = {
        model,
        messages,
        ...(this.config.temperature !== undefined ? { temperature: this.config.temperature } : {}),
        ...sampling,
        ...(responseFormat ? { response_format: responseFormat } : {}),
      } as unknown as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
      const text = this.config.stream
        ? await this.readStream(body, controller.signal)
        : await this.readCompletion(body, controller.signal);
      this.log(`${model}: ${Date.now() - started} ms`);
      return text;
    } catch (error) {
      throw this.toError(error, signal, timedOut);
    } finally {
      clearTimeout(timer);
      dispose();
    }
  }

  private async readCompletion(
    body: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming,
    signal: AbortSignal,
  ): Promise<string> {
    const completion = await this.openai.chat.completions.create(body, { signal });
    this.count(completion.usage);
    return completion.choices?.[0]?.message?.content ?? '';
  }

  private async readStream(
    body: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming,
    signal: AbortSignal,
  ): Promise<string> {
    const stream = await this.openai.chat.completions.create(
      { ...body, stream: true, stream_options: { include_usage: true } },
      { signal },
    );
    let text = '';
    let finished = false;
    for await (const chunk of stream) {
      const choice = chunk.choices?.[0];
      text += choice?.delta?.content ?? '';
      if (choice?.finish_reason) finished = true;
      if (chunk.usage) this.count(chunk.usage);
    }
    // The SDK ends the iteration quietly when the request is aborted; `send` says whether by timeout or by the caller.
    if (signal.aborted) throw signal.reason;
    if (!finished)
      throw new ModelError(
        'network',
        `the reply stream from ${this.config.baseUrl} ended before the reply was complete (truncated stream)`,
      );
    return text;
  }

  private count(usage: { prompt_tokens?: number; completion_tokens?: number } | null | undefined): void {
    this.usage.promptTokens += usage?.prompt_tokens ?? 0;
    this.usage.completionTokens += usage?.completion_tokens ?? 0;
  }

  private toError(error: unknown, signal: AbortSignal | undefined, timedOut: boolean): ModelError {
    return toModelError(error, {
      baseUrl: this.config.baseUrl,
      timeoutMs: this.config.timeoutMs,
      apiKey: this.apiKey,
      aborted: signal?.aborted === true,
      timedOut,
    });
  }
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

function parseReply<T>(output: OutputSchema<T>, text: string): Parsed<T> {
  let json: unknown;
  try {
    json = extractJson(text);
  } catch (error) {
    return { ok: false, problem: `not JSON (${(error as Error).message})` };
  }
  const result = output.schema.safeParse(json);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problem: `it does not match the ${output.name} schema (${describeIssues(result.error)})` };
}
