import OpenAI from 'openai';
import type { Message } from '../case/caseSchema';
import { childController } from '../model/abortListeners';
import { ConcurrencyLimiter } from '../model/concurrencyLimiter';
import type { EndpointConfig } from '../model/endpointConfig';
import { judgeCacheKey, type JudgeCache } from '../model/judgeCache';
import { ModelError } from '../model/modelError';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelayMs, sleep, type RetryPolicy } from '../model/retryPolicy';
import { toModelError } from '../model/toModelError';

export interface TextSamplerOptions {
  config: EndpointConfig;
  apiKey?: string | undefined;
  /** Share the judge client's limiter so sampling and grading together stay within the endpoint's bound. */
  limiter?: ConcurrencyLimiter;
  cache?: JudgeCache | undefined;
  retry?: Partial<RetryPolicy>;
}

/** Cache entries of sampled answers live beside judge results under their own schema name. */
const SAMPLE_KEY = 'sampled_text';

/**
 * Plain-text answers from the configured model, for `clinalign eval --model`. ModelClient only does
 * structured JSON (asking for JSON would change what is being evaluated), so this adapter sends an
 * ordinary chat request with the same limiter, retry policy, error messages and cache.
 */
export class TextSampler {
  private readonly openai: OpenAI;
  private readonly limiter: ConcurrencyLimiter;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: TextSamplerOptions) {
    this.openai = new OpenAI({
      baseURL: options.config.baseUrl,
      apiKey: options.apiKey || 'no-key',
      timeout: options.config.timeoutMs,
      maxRetries: 0,
    });
    this.limiter = options.limiter ?? new ConcurrencyLimiter(options.config.maxConcurrency);
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  get model(): string {
    return this.options.config.model;
  }

  async sample(conversation: readonly Message[], signal?: AbortSignal): Promise<string> {
    const key = this.options.cache
      ? judgeCacheKey(this.options.config.baseUrl, this.model, conversation, SAMPLE_KEY)
      : undefined;
    if (key) {
      const cached = await this.options.cache!.get(key);
      if (typeof cached === 'string') return cached;
    }
    const text = await this.withRetries(conversation, signal);
    if (key) await this.options.cache!.set(key, text);
    return text;
  }

  private async withRetries(conversation: readonly Message[], signal: AbortSignal | undefined): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.limiter.run(() => this.send(conversation, signal), signal);
      } catch (raw) {
        const error = this.toError(raw, signal);
        const retryable = (error.kind === 'http' && isRetryableStatus(error.status)) || error.kind === 'network';
        if (!retryable || attempt >= this.retry.maxAttempts) throw error;
        await sleep(retryDelayMs(this.retry, attempt, error.retryAfterMs), signal).catch((abort) => {
          throw this.toError(abort, signal);
        });
      }
    }
  }

  private async send(conversation: readonly Message[], signal: AbortSignal | undefined): Promise<string> {
    const { config } = this.options;
    // The SDK listens to a controller of this request's own, so the run's shared signal keeps one listener.
    const { controller, dispose } = childController(signal);
    let completion;
    try {
      completion = await this.openai.chat.completions.create(
        {
          model: config.model,
          messages: conversation.map((m) => ({ role: m.role, content: m.content })),
          ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
        },
        { signal: controller.signal, timeout: config.timeoutMs },
      );
    } finally {
      dispose();
    }
    const text = completion.choices?.[0]?.message?.content ?? '';
    if (text.trim() === '') throw new ModelError('invalid-output', `${config.model} returned an empty answer`);
    return text;
  }

  private toError(error: unknown, signal: AbortSignal | undefined): ModelError {
    const { config } = this.options;
    return toModelError(error, {
      baseUrl: config.baseUrl,
      timeoutMs: config.timeoutMs,
      apiKey: this.options.apiKey,
      aborted: signal?.aborted === true,
      timedOut: false,
    });
  }
}
