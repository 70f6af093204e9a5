import type { ConceptLexicon } from '../../core/concepts/conceptLexicon';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppendLog } from '../../core/dataset/appendLog';
import { batchRequest, readBatchResults, replayClient } from '../../core/dataset/batchFiles';
import { forEachBounded } from '../../core/dataset/forEachBounded';
import { jsonlLines, type JsonlLine } from '../../core/dataset/jsonlLines';
import { BatchRequestFile } from '../../core/dataset/batchRequestFile';
import { parseQueryLine, type Query } from '../../core/dataset/queryLine';
import { rubricRecordSchema, type RubricRecord } from '../../core/dataset/rubricRecord';
import type { StructuredOutputMode } from '../../core/model/endpointConfig';
import { synthesizeRubricOutput, synthesizeRubricPrompt } from '../../core/model/prompts/synthesizeRubricPrompt';
import type { Principle } from '../../core/principles/principle';
import type { RubricItem } from '../../core/rubric/rubricItem';
import { synthesizeRubricOffline } from '../../core/rubric/synthesizeOffline';
import { classifyQuestion } from '../../core/scenario/classifyQuestion';
import type { Scenario } from '../../core/scenario/labels';
import { classifyWithModel } from '../../core/workflows/classifyWithModel';
import { MODEL_POOL_SIZE, synthesizeRubric } from '../../core/workflows/synthesizeRubric';
import { CliError } from '../cliError';
import { formatProblem, loadCliLibrary, type LibraryOptions } from '../loadCliLibrary';
import { ModelSession, type ModelSessionOptions } from '../modelSession';
import { batchModel } from './batchModel';
import { clearProgress, writeProgress } from '../terminalOutput';
import { describeBatchFiles } from '../format/describeBatchFiles';
import { plural } from '../format/plural';

export interface SynthesizeQueriesOptions extends LibraryOptions, ModelSessionOptions {
  queries: string;
  out?: string;
  offline?: boolean;
  batchOut?: string;
  batchIn?: string;
  structuredOutput?: StructuredOutputMode;
}

/**
 * `clinalign synthesize --queries`: a rubric per question of a JSONL file, appended to --out as each one
 * finishes (resume skips ids already there), or Batch API request files out and result files in.
 * Exit 0 when every question got a rubric, 1 when some failed, 2 on usage errors.
 */
export async function synthesizeQueriesCommand(options: SynthesizeQueriesOptions): Promise<number> {
  const library = loadCliLibrary(options);
  for (const problem of library.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  if (options.batchOut) return writeBatchRequests(options, library.principles, library.lexicon);
  if (!options.out) throw new CliError('--queries needs --out rubrics.jsonl (or --batch-out requests.jsonl)');

  const log = await AppendLog.open(resolve(options.out), (r) => (r as { id?: string }).id);
  const total = countLines(options.queries);
  const already = log.done.size;
  let failed = 0;
  let finished = 0;
  const session = options.batchIn || options.offline ? undefined : new ModelSession(options);
  const replay = options.batchIn ? await batchReplay(options.batchIn, options.model) : undefined;
  let lastProgress = 0;
  const report =
    session?.progress('synthesizing') ??
    ((p: { done: number; total: number }) => {
      if (!process.stderr.isTTY || (p.done < p.total && Date.now() - lastProgress < 100)) return;
      lastProgress = Date.now();
      writeProgress(`synthesizing ${p.done}/${p.total}`);
    });
  const fail = (where: string, message: string) => {
    failed++;
    process.stderr.write(`${where}: ${message}\n`);
  };

  try {
    await forEachBounded(
      queries(options.queries, fail),
      options.offline || replay ? 1 : (options.concurrency ?? 16),
      async (query) => {
        if (log.done.has(query.id)) return;
        try {
          const offline = classifyQuestion(query.question, library.lexicon);
          let record: RubricRecord;
          if (options.offline) {
            const rubric = synthesizeRubricOffline({
              principles: library.principles,
              scenario: offline.scenario,
              question: query.question,
              lexicon: library.lexicon,
            });
            record = rubricRecord(
              query,
              offline.scenario,
              rubric.items,
              'offline',
              rubric.pool.map((p) => p.principle.id),
              rubric.unmet,
            );
          } else {
            const client = replay ?? session!.client;
            const run = { signal: session?.signal };
            // Batch requests were written with the offline labels (one round trip); live runs ask the model.
            const scenario = replay
              ? offline.scenario
              : (await classifyWithModel(client, { conversation: query.conversation, offline }, run)).scenario;
            const rubric = await synthesizeRubric(
              client,
              { conversation: query.conversation, question: query.question, scenario, principles: library.principles },
              run,
            );
            record = rubricRecord(
              query,
              scenario,
              rubric.items,
              rubric.source,
              rubric.pool.map((p) => p.principle.id),
              rubric.unmet,
              rubric.model,
            );
          }
          log.append(query.id, rubricRecordSchema.parse(record));
          report({ done: already + ++finished, total });
        } catch (error) {
          fail(query.id, (error as Error).message);
        }
      },
      session?.signal,
    );
  } finally {
    log.close();
    if (session) session.finish();
    else clearProgress();
  }
  if (session?.signal.aborted)
    throw new CliError(`cancelled after ${finished} new rubrics; run the same command again to resume`, 130);
  process.stdout.write(
    `${finished} rubrics written to ${options.out}${already > 0 ? ` (${already} already there, skipped)` : ''}${failed > 0 ? `; ${failed} failed` : ''}\n`,
  );
  return failed > 0 ? 1 : 0;
}

function rubricRecord(
  query: Query,
  scenario: Scenario,
  items: RubricItem[],
  source: RubricRecord['source'],
  pool: string[],
  unmet: string[],
  model?: string,
): RubricRecord {
  return {
    id: query.id,
    prompt: query.conversation,
    scenario,
    rubrics: items.map((i) => ({ criterion: i.criterion, points: i.points, tags: [...i.tags] })),
    source,
    ...(model ? { model } : {}),
    principle_pool: pool,
    unmet,
  };
}

async function* queries(file: string, fail: (where: string, message: string) => void): AsyncGenerator<Query> {
  let lines: AsyncGenerator<JsonlLine>;
  try {
    lines = jsonlLines(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  for await (const line of lines) {
    try {
      yield parseQueryLine(line);
    } catch (error) {
      fail(`${file}:${line.number}`, (error as Error).message.replace(/^line \d+: /, ''));
    }
  }
}

function countLines(file: string): number {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '').length;
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** One synthesize_rubric request per question, with the offline scenario labels and the ranked pool. */
async function writeBatchRequests(
  options: SynthesizeQueriesOptions,
  principles: readonly Principle[],
  lexicon?: ConceptLexicon,
): Promise<number> {
  const model = batchModel(options.model);
  const mode =
    options.structuredOutput && options.structuredOutput !== 'auto' ? options.structuredOutput : 'json_schema';
  let failed = 0;
  const written = await new BatchRequestFile(resolve(options.batchOut!)).writeAll(async (add) => {
    for await (const query of queries(options.queries, (where, message) => {
      failed++;
      process.stderr.write(`${where}: ${message}\n`);
    })) {
      const scenario = classifyQuestion(query.question, lexicon).scenario;
      const pool = synthesizeRubricOffline({ principles, scenario, question: query.question, lexicon })
        .pool.slice(0, MODEL_POOL_SIZE)
        .map((s) => s.principle);
      await add(
        batchRequest(
          'synthesize',
          synthesizeRubricOutput,
          synthesizeRubricPrompt({ conversation: query.conversation, scenario, pool }),
          model,
          mode,
        ),
      );
    }
  });
  process.stdout.write(
    `${plural(written.requests, 'batch request')} written to ${describeBatchFiles(written, options.batchOut!)} (model ${model}); run them, then: clinalign synthesize --queries ${options.queries} --batch-in <results.jsonl> --out rubrics.jsonl\n`,
  );
  return failed > 0 ? 1 : 0;
}

async function batchReplay(file: string, model: string | undefined) {
  const results = await readBatchResults(file);
  for (const p of results.problems) process.stderr.write(`${file}:${p.line}: ${p.message}\n`);
  const answered = [...results.replies.values()].find((r) => 'model' in r) as { model?: string } | undefined;
  return replayClient('synthesize', results, model ?? answered?.model ?? 'batch');
}
