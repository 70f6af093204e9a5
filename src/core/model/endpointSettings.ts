import { endpointConfigSchema, type EndpointConfig } from './endpointConfig';

/** The editor's `clinalign.model.*` settings as read (any may be unset or empty). */
export interface EndpointSettings {
  baseUrl?: string | undefined;
  model?: string | undefined;
  judgeModel?: string | undefined;
  timeoutMs?: number | undefined;
  maxConcurrency?: number | undefined;
  structuredOutput?: string | undefined;
  temperature?: number | null | undefined;
}

export type EndpointSettingsResult =
  | { state: 'not configured'; message: string }
  | { state: 'error'; message: string }
  | { state: 'ready'; config: EndpointConfig };

export const NOT_CONFIGURED_MESSAGE =
  'needs a model endpoint: set "clinalign.model.baseUrl" and "clinalign.model.model" (and, if the endpoint needs one, an API key with "ClinAlign: Set API key")';

/** Validates the settings into an endpoint config, or says what is missing or wrong. */
export function endpointFromSettings(settings: EndpointSettings): EndpointSettingsResult {
  const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const baseUrl = text(settings.baseUrl);
  const model = text(settings.model);
  if (!baseUrl || !model) return { state: 'not configured', message: NOT_CONFIGURED_MESSAGE };
  const candidate = {
    baseUrl,
    model,
    judgeModel: text(settings.judgeModel),
    timeoutMs: settings.timeoutMs,
    maxConcurrency: settings.maxConcurrency,
    structuredOutput: settings.structuredOutput,
    // null is how a settings file says "leave it to the server".
    temperature: settings.temperature ?? undefined,
  };
  const parsed = endpointConfigSchema.safeParse(
    Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)),
  );
  if (!parsed.success) {
    return {
      state: 'error',
      message: `model settings: ${parsed.error.issues.map((i) => `clinalign.model.${i.path.join('.')}: ${i.message}`).join('; ')}`,
    };
  }
  return { state: 'ready', config: parsed.data };
}

/** Clients are shared by everything that sends to the same endpoint with the same settings. */
export function endpointKey(config: EndpointConfig): string {
  return JSON.stringify([
    config.baseUrl,
    config.model,
    config.judgeModel ?? null,
    config.timeoutMs,
    config.maxConcurrency,
    config.structuredOutput,
    config.temperature ?? null,
    config.stream,
  ]);
}
