import { dirname } from 'node:path';
import { endpointConfigSchema, type EndpointConfig, type EndpointConfigFile } from '../core/model/endpointConfig';
import { refuseConfigEndpoint } from '../core/model/configEndpointTrust';
import { findEndpointConfigFile, readEndpointConfigFile } from '../core/model/endpointConfigFile';
import { CliError } from './cliError';

/** Endpoint options shared by every model command. */
export interface ModelFlags {
  baseUrl?: string;
  model?: string;
  judgeModel?: string;
  concurrency?: number;
  timeout?: number;
  structuredOutput?: EndpointConfig['structuredOutput'];
  stream?: boolean;
  /** `--trust-endpoint`: the user confirms the base URL of `.clinalign/config.yaml`. */
  trustEndpoint?: boolean;
}

export interface ResolvedEndpoint {
  config: EndpointConfig;
  apiKey: string | undefined;
  /** The folder holding `.clinalign/` (the config file's project), else the working folder. */
  projectRoot: string;
}

export const MISSING_ENDPOINT =
  'this command needs a model endpoint: pass --base-url and --model, or set CLINALIGN_BASE_URL and CLINALIGN_MODEL, or add baseUrl and model to .clinalign/config.yaml and pass --trust-endpoint (the API key, if the endpoint needs one, comes from CLINALIGN_API_KEY or OPENAI_API_KEY)';

/**
 * Flags win over the environment, which wins over `.clinalign/config.yaml`. A base URL from the config file is
 * used only with `--trust-endpoint`: the repository chose it, and the key and the cases would go there.
 * `judgeOnly`: the run only judges, so a judge model alone is enough.
 */
export function resolveEndpoint(
  flags: ModelFlags,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
  use: { judgeOnly?: boolean } = {},
): ResolvedEndpoint {
  const file = findEndpointConfigFile(cwd);
  let fromFile: EndpointConfigFile = {};
  if (file) {
    try {
      fromFile = readEndpointConfigFile(file);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
  }
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
  const merged = {
    ...fromFile,
    ...defined({ baseUrl: env.CLINALIGN_BASE_URL, model: env.CLINALIGN_MODEL, judgeModel: env.CLINALIGN_JUDGE_MODEL }),
    ...defined({
      baseUrl: flags.baseUrl,
      model: flags.model,
      judgeModel: flags.judgeModel,
      maxConcurrency: flags.concurrency,
      timeoutMs: flags.timeout,
      structuredOutput: flags.structuredOutput,
      stream: flags.stream,
    }),
  };
  // A run that only judges (eval --responses) needs no other model: the judge model, from wherever it came, will do.
  if (use.judgeOnly && !merged.model && merged.judgeModel) merged.model = merged.judgeModel;
  if (!merged.baseUrl || !merged.model) throw new CliError(MISSING_ENDPOINT);
  const apiKey = env.CLINALIGN_API_KEY || env.OPENAI_API_KEY || undefined;
  const refusal = refuseConfigEndpoint({
    flagUrl: flags.baseUrl || undefined,
    envUrl: env.CLINALIGN_BASE_URL || undefined,
    file,
    fileUrl: fromFile.baseUrl,
    trustEndpoint: flags.trustEndpoint === true,
    hasApiKey: apiKey !== undefined,
  });
  if (refusal) throw new CliError(refusal);
  const parsed = endpointConfigSchema.safeParse(merged);
  if (!parsed.success)
    throw new CliError(
      `endpoint settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return { config: parsed.data, apiKey, projectRoot: file ? dirname(dirname(file)) : cwd };
}
