import { FileJudgeCache } from '../../core/model/fileJudgeCache';
import type { GraderName } from '../../core/model/itemJudge';
import { judgeCacheDir } from '../../core/model/judgeCacheDir';
import { ModelClient } from '../../core/model/modelClient';
import { compileLibrary } from '../../core/lint/compileLibrary';
import { nodeFileSystem } from '../../core/project/nodeFileSystem';
import { openAiForwarder } from '../../core/serve/forwardChat';
import { rewardJudgeFor } from '../../core/serve/rewardJudgeFor';
import { RubricStore } from '../../core/serve/rubricStore';
import { SERVE_DEFAULTS, startServe } from '../../core/serve/serveServer';
import { TraceLog } from '../../core/serve/traceLog';
import { CliError } from '../cliError';
import { formatProblem, loadCliLibrary, type LibraryOptions } from '../loadCliLibrary';
import { resolveEndpoint, type ModelFlags } from '../resolveEndpoint';

export interface ServeCommandOptions extends ModelFlags, LibraryOptions {
  host: string;
  port: number;
  data: string[];
  token?: string;
  positiveOnly?: boolean;
  binaryThreshold?: number;
  grader?: GraderName;
  deadline: number;
  rounds: number;
  rubric: 'offline' | 'model';
  traces: string | false;
  maxQueue: number;
  cache?: boolean;
  verbose?: boolean;
}

/**
 * `clinalign serve`: starts the reward and self-revision server and runs until SIGINT/SIGTERM, then answers
 * the requests in flight and exits 0. The judge's key comes from the environment as for every model command.
 */
export async function serveCommand(options: ServeCommandOptions, version: string): Promise<number> {
  const endpoint = resolveEndpoint(options, process.env, process.cwd(), { judgeOnly: true });
  const token = options.token ?? (process.env.CLINALIGN_SERVE_TOKEN || undefined);
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(options.host);
  if (!loopback && !token)
    throw new CliError(
      `refusing to listen on ${options.host} without a token: pass --token or set CLINALIGN_SERVE_TOKEN`,
    );
  const cache = options.cache === false ? undefined : new FileJudgeCache(judgeCacheDir(), nodeFileSystem);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const client = new ModelClient({
    config: endpoint.config,
    apiKey: endpoint.apiKey,
    cache,
    ...(options.verbose && { log }),
  });
  const library = loadCliLibrary(options);
  for (const problem of library.problems) log(formatProblem(problem));
  const compiled = compileLibrary(library.principles, library.lexicon, library.patternPlans);
  const store = new RubricStore(nodeFileSystem);
  for (const file of options.data) {
    let loaded;
    try {
      loaded = store.load(file);
    } catch (error) {
      throw new CliError(`--data ${file}: ${(error as Error).message}`);
    }
    log(
      `${file}: ${loaded.records} records${loaded.problems.length ? `; ${loaded.problems.length} lines skipped (${loaded.problems.slice(0, 3).join('; ')})` : ''}`,
    );
  }
  const server = await startServe({
    host: options.host,
    port: options.port,
    token,
    judge: rewardJudgeFor(options.grader ?? 'clinalign', client, cache),
    forward: openAiForwarder(endpoint.config, endpoint.apiKey),
    library: () => compiled,
    store,
    version,
    reward: { positiveOnly: options.positiveOnly === true, binaryThreshold: options.binaryThreshold },
    deadlineMs: options.deadline,
    maxQueued: options.maxQueue,
    revise: { rounds: options.rounds, rubric: options.rubric },
    traces: options.traces === false ? undefined : new TraceLog(options.traces, log, nodeFileSystem),
    ...(options.verbose && { log }),
  }).catch((error: Error) => {
    throw new CliError(`cannot listen on ${options.host}:${options.port}: ${error.message}`);
  });
  // The URL on stdout (scripts read it); the token is never printed.
  process.stdout.write(`${server.url}\n`);
  log(
    `clinalign serve: ${server.url} (judge ${client.judgeModel}, ${options.grader ?? 'clinalign'} grader, ${store.size} rubrics${token ? ', token required' : ''}); Ctrl+C stops`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      log('clinalign serve: stopping after the requests in flight…');
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

export const SERVE_CLI_DEFAULTS = {
  host: SERVE_DEFAULTS.host,
  deadline: SERVE_DEFAULTS.deadlineMs,
  maxQueue: SERVE_DEFAULTS.maxQueued,
};
