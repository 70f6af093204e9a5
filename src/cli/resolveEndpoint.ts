import { dirname } from 'node:path';
import { endpointConfigSchema, type EndpointConfig, type EndpointConfigFile } from '../core/model/endpointConfig';
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
}

export interface ResolvedEndpoint {
  config: EndpointConfig;
  apiKey: string | undefined;
  /** The folder holding `.clinalign/` (the config file's project), else the working folder. */
  projectRoot: string;
}

export const MISSING_ENDPOINT =
  'this command needs a model endpoint: pass --base-url and --model, or set CLINALIGN_BASE_URL and CLINALIGN_MODEL, or add baseUrl and model to .clinalign/config.yaml (the API key, if the endpoint needs one, comes from CLINALIGN_API_KEY or OPENAI_API_KEY)';

/** Flags win over the environment, which wins over `.clinalign/config.yaml`. */
export function resolveEndpoint(flags: ModelFlags, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ResolvedEndpoint {
  const file = findEndpointConfigFile(cwd);
  let fromFile: EndpointConfigFile = {};
  if (file) {
    try {
      fromFile = readEndpointConfigFile(file);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
  }
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
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
  if (!merged.baseUrl || !merged.model) throw new CliError(MISSING_ENDPOINT);
  const parsed = endpointConfigSchema.safeParse(merged);
  if (!parsed.success) throw new CliError(`endpoint settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const apiKey = env.CLINALIGN_API_KEY || env.OPENAI_API_KEY || undefined;
  return { config: parsed.data, apiKey, projectRoot: file ? dirname(dirname(file)) : cwd };
}
