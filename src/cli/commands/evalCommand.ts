import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../core/dataset/outputFolder';
import { evalHtml, evalMarkdown } from '../../core/evaluation/evalReportText';
import { runEval, type ResponseSource } from '../../core/evaluation/runEval';
import { TextSampler } from '../../core/evaluation/textSampler';
import { ConcurrencyLimiter } from '../../core/model/concurrencyLimiter';
import { FileJudgeCache } from '../../core/model/fileJudgeCache';
import type { GraderName } from '../../core/model/itemJudge';
import { itemJudgeFor } from '../../core/model/itemJudgeFor';
import { judgeCacheDir } from '../../core/model/judgeCacheDir';
import { ModelClient } from '../../core/model/modelClient';
import { formatUsage } from '../../core/model/modelUsage';
import { CliError } from '../cliError';
import type { ModelSessionOptions } from '../modelSession';
import { resolveEndpoint } from '../resolveEndpoint';
import { clearProgress, writeProgress } from '../terminalOutput';
import { plural } from '../format/plural';

export interface EvalCommandOptions extends ModelSessionOptions {
  data: string;
  responses?: string;
  judge?: string;
  /** `healthbench`: the simple-evals grader protocol, for figures comparable with published HealthBench numbers. */
  grader?: GraderName;
  format: 'json' | 'markdown' | 'html';
  out?: string;
}

/**
 * `clinalign eval`: the HealthBench score of given (--responses) or sampled (--model) answers, graded by the
 * judge. Exit 0 when every example was graded, 1 when some had no response or failed, 2 on usage errors.
 */
export async function evalCommand(options: EvalCommandOptions): Promise<number> {
  for (const file of [options.data, options.responses])
    if (file !== undefined && !existsSync(file)) throw new CliError(`no such file: ${file}`);
  const judgeModel = options.judge ?? options.judgeModel;
  if (!options.responses && !options.model && !process.env.CLINALIGN_MODEL)
    throw new CliError('give --responses FILE (answers to grade) or --model NAME (the model to sample answers from)');
  // With --responses nothing is sampled: the judge (--judge, CLINALIGN_JUDGE_MODEL or the config file) is enough.
  const endpoint = resolveEndpoint({ ...options, judgeModel }, process.env, process.cwd(), {
    judgeOnly: options.responses !== undefined,
  });
  const limiter = new ConcurrencyLimiter(endpoint.config.maxConcurrency);
  const cache = options.cache === false ? undefined : new FileJudgeCache(judgeCacheDir());
  const log = options.verbose ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
  const judge = new ModelClient({
    config: endpoint.config,
    apiKey: endpoint.apiKey,
    cache,
    limiter,
    ...(log ? { log } : {}),
  });
  const responses: ResponseSource = options.responses
    ? { kind: 'file', file: options.responses }
    : { kind: 'model', sampler: new TextSampler({ config: endpoint.config, apiKey: endpoint.apiKey, limiter, cache }) };

  const controller = new AbortController();
  const cancel = () => {
    process.stderr.write('\nclinalign: cancelling… (graded items are cached; run again to resume)\n');
    controller.abort();
  };
  process.once('SIGINT', cancel);
  let last = 0;
  let report;
  try {
    report = await runEval(
      {
        data: options.data,
        responses,
        judge,
        itemJudge: options.grader === 'healthbench' ? itemJudgeFor('healthbench', judge) : undefined,
      },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (!process.stderr.isTTY || (p.done < p.total && Date.now() - last < 100)) return;
          last = Date.now();
          writeProgress(`grading ${p.done}/${p.total} items`);
        },
      },
    );
  } catch (error) {
    if (controller.signal.aborted)
      throw new CliError('evaluation cancelled; graded items are cached, run again to resume', 130);
    throw new CliError((error as Error).message, 2);
  } finally {
    process.removeListener('SIGINT', cancel);
    clearProgress();
  }
  for (const f of report.failures) process.stderr.write(`${f.prompt_id}: ${f.message}\n`);
  if (report.missing.length > 0)
    process.stderr.write(
      `${plural(report.missing.length, 'example')} ${report.missing.length === 1 ? 'has' : 'have'} no response in ${options.responses}: ${report.missing.slice(0, 5).join(', ')}${report.missing.length > 5 ? ', …' : ''}\n`,
    );
  process.stderr.write(
    `judge: ${judge.judgeModel}${report.grader === 'healthbench' ? ' (healthbench grader)' : ''}; ${formatUsage(judge.usage)}\n`,
  );

  const text =
    options.format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : options.format === 'html'
        ? evalHtml(report)
        : evalMarkdown(report);
  if (options.out) await writeFileAtomic(resolve(options.out), text);
  else process.stdout.write(text);
  return report.failures.length > 0 || report.missing.length > 0 ? 1 : 0;
}
