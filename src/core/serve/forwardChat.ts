import OpenAI from 'openai';
import { childController } from '../model/abortListeners';
import type { EndpointConfig } from '../model/endpointConfig';
import type { ConcurrencyLimiter } from '../model/concurrencyLimiter';
import { nodeHttpFetch } from '../model/nodeHttpFetch';
import { redactSecret } from '../model/redactSecret';

export interface ForwardRequest {
  model: string;
  messages: { role: string; content: unknown }[];
  /** Sampling parameters passed through as the client sent them (temperature, max_tokens, …). */
  params: Record<string, unknown>;
}

export interface ForwardReply {
  content: string;
  model: string;
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | undefined;
}

/** One plain (non-JSON) completion from the configured model: the draft the proxy then revises. */
export type ChatForwarder = (request: ForwardRequest, signal: AbortSignal) => Promise<ForwardReply>;

/** The forwarder for an OpenAI-compatible endpoint; the key goes only there, and never into an error. */
export function openAiForwarder(
  config: EndpointConfig,
  apiKey: string | undefined,
  limiter?: ConcurrencyLimiter,
): ChatForwarder {
  const openai = new OpenAI({
    baseURL: config.baseUrl,
    apiKey: apiKey || 'no-key',
    timeout: config.timeoutMs,
    maxRetries: 2,
    fetch: nodeHttpFetch(),
  });
  return async (request, signal) => {
    // The SDK listens to a controller of this request's own: the server's long-lived signal keeps one listener.
    const { controller, dispose } = childController(signal);
    const send = () =>
      openai.chat.completions.create(
        {
          ...request.params,
          model: request.model,
          messages: request.messages,
          stream: false,
        } as unknown as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming,
        { signal: controller.signal },
      );
    try {
      const completion = limiter ? await limiter.run(send, signal) : await send();
      return {
        content: completion.choices?.[0]?.message?.content ?? '',
        model: completion.model ?? request.model,
        usage: completion.usage ?? undefined,
      };
    } catch (error) {
      throw new Error(redactSecret(`the model endpoint failed: ${(error as Error).message}`, apiKey));
    } finally {
      dispose();
    }
  };
}
