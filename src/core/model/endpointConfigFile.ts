import { join } from 'node:path';
import { INPUT_LIMITS } from '../untrusted/inputLimits';
import { readFileWithinLimit } from '../untrusted/readFileWithinLimit';
import { parseYaml, yamlToJs } from '../yaml/parseYaml';
import { findProjectFolder } from '../project/findProjectFolder';
import { teamLintConfigSchema, type TeamLintConfig } from '../lint/teamLintConfig';
import { endpointConfigFileSchema, type EndpointConfigFile } from './endpointConfig';

export { CONFIG_FILE } from '../project/projectLayout';
import { CONFIG_FILE } from '../project/projectLayout';

/** Keys that would put a secret in a file people commit; refused so nobody is tempted. */
const SECRET_KEYS = /^(?:api[-_]?key|apiKey|key|token|secret|password|authorization)$/i;

/** The nearest `.clinalign/config.yaml` from `folder` upwards, no higher than the repository root. */
export function findEndpointConfigFile(folder: string): string | undefined {
  const project = findProjectFolder(folder, CONFIG_FILE);
  return project === undefined ? undefined : join(project, CONFIG_FILE);
}

/** Reads the endpoint settings of a config file; throws an Error naming the file on any problem. */
export function readEndpointConfigFile(file: string): EndpointConfigFile {
  return readTeamConfigFile(file).endpoint;
}

/** Both sections of a config file: the endpoint settings and the team's `lint:` decisions. */
export function readTeamConfigFile(file: string): { endpoint: EndpointConfigFile; lint: TeamLintConfig } {
  let data: unknown;
  try {
    // A committed file is untrusted: the same size, token, depth and alias caps as every other YAML file.
    const document = parseYaml(readFileWithinLimit(file, INPUT_LIMITS.yamlFile, 'config file'));
    if (document.errors.length > 0) throw document.errors[0];
    const converted = yamlToJs(document);
    if ('error' in converted) throw new Error(converted.error);
    data = converted.value ?? {};
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const { lint, ...rest } = (data && typeof data === 'object' ? data : {}) as { lint?: unknown; endpoint?: unknown };
  const lintParsed = teamLintConfigSchema.safeParse(lint ?? {});
  if (!lintParsed.success) {
    throw new Error(
      `${file}: ${lintParsed.error.issues.map((i) => `lint.${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const settings = rest.endpoint ?? rest;
  if (settings && typeof settings === 'object') {
    const secret = Object.keys(settings).find((key) => SECRET_KEYS.test(key));
    if (secret)
      throw new Error(
        `${file}: "${secret}" does not belong in a config file; set CLINALIGN_API_KEY in the environment instead`,
      );
  }
  const parsed = endpointConfigFileSchema.safeParse(settings);
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`,
    );
  }
  return { endpoint: parsed.data, lint: lintParsed.data };
}
