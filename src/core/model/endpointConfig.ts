import * as z from 'zod';

/** How the client asks for JSON: the endpoint's native schema support, plain JSON mode, or instructions alone. */
export const STRUCTURED_OUTPUT_MODES = ['auto', 'json_schema', 'json_object', 'prompt'] as const;
export type StructuredOutputMode = (typeof STRUCTURED_OUTPUT_MODES)[number];

export const DEFAULT_TIMEOUT_MS = 60_000;
/** High enough that a 12-item rubric is judged in about one call's time; local servers simply queue. */
export const DEFAULT_MAX_CONCURRENCY = 16;

export const CREDENTIALS_IN_URL_MESSAGE =
  'baseUrl must not hold credentials (user:key@host): remove them and give the key as CLINALIGN_API_KEY (CLI) or with "ClinAlign: Set API key" (editor)';

/** `http://user:KEY@host/v1`: a key written into the URL. */
export function hasCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return false;
  }
}

/** Everything about the endpoint except the API key, which never lives in a settings or config file. */
export const endpointConfigSchema = z.object({
  baseUrl: z
    .url({ message: 'baseUrl must be a URL such as https://api.openai.com/v1' })
    // fetch refuses such a URL, and its error (like any log line) would carry the key.
    .refine((url) => !hasCredentials(url), { message: CREDENTIALS_IN_URL_MESSAGE }),
  model: z.string().min(1),
  /** The model that grades rubric items; defaults to `model`. */
  judgeModel: z.string().min(1).optional(),
  timeoutMs: z.number().int().positive().default(DEFAULT_TIMEOUT_MS),
  maxConcurrency: z.number().int().min(1).max(256).default(DEFAULT_MAX_CONCURRENCY),
  structuredOutput: z.enum(STRUCTURED_OUTPUT_MODES).default('auto'),
  /** Left out of requests when unset: some reasoning models accept only their default. */
  temperature: z.number().min(0).max(2).optional(),
  /** Ask for server-sent events; the reply is assembled before it is parsed. */
  stream: z.boolean().default(false),
});
export type EndpointConfig = z.infer<typeof endpointConfigSchema>;
export type EndpointConfigInput = z.input<typeof endpointConfigSchema>;

/** The non-secret settings a `.clinalign/config.yaml` may hold: every field optional, unknown keys rejected. */
export const endpointConfigFileSchema = endpointConfigSchema.partial().strict();
export type EndpointConfigFile = z.infer<typeof endpointConfigFileSchema>;

export function judgeModelOf(config: Pick<EndpointConfig, 'model' | 'judgeModel'>): string {
  return config.judgeModel ?? config.model;
}
