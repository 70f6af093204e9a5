import { findEndpointConfigFile, readEndpointConfigFile } from '../../core/model/endpointConfigFile';
import { CliError } from '../cliError';

/** The model named in batch requests: --model, else CLINALIGN_MODEL, else .clinalign/config.yaml. No endpoint is needed. */
export function batchModel(flag: string | undefined, judge = false): string {
  const file = findEndpointConfigFile(process.cwd());
  const config = file ? readEndpointConfigFile(file) : {};
  const model = judge
    ? (flag ?? process.env.CLINALIGN_JUDGE_MODEL ?? config.judgeModel ?? process.env.CLINALIGN_MODEL ?? config.model)
    : (flag ?? process.env.CLINALIGN_MODEL ?? config.model);
  if (!model)
    throw new CliError(
      `batch requests name their model: pass --${judge ? 'judge-model' : 'model'} NAME (or set it in the environment or .clinalign/config.yaml)`,
    );
  return model;
}
