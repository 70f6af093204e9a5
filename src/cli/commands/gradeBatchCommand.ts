import { resolve } from 'node:path';
import { batchRequest, readBatchResults, replayClient } from '../../core/dataset/batchFiles';
import { BatchRequestFile } from '../../core/dataset/batchRequestFile';
import type { StructuredOutputMode } from '../../core/model/endpointConfig';
import { gradeItemOutput, gradeItemPrompt } from '../../core/model/prompts/gradeItemPrompt';
import { scoreSet } from '../../core/rubric/scoreRubric';
import { caseGradeInput } from '../../core/workflows/caseGradeInput';
import { WORKFLOW_NEEDS } from '../../core/workflows/caseReadiness';
import type { GradeInput } from '../../core/workflows/gradeAnswer';
import { gradeCase } from '../../core/workflows/gradeCase';
import { lazyCaseLibrary } from '../loadCliLibrary';
import { readCases, type CliCase } from '../readCases';
import { batchModel } from './batchModel';
import { describeBatchFiles } from '../format/describeBatchFiles';
import { plural } from '../format/plural';

export interface GradeBatchOptions {
  format: 'text' | 'json';
  batchOut?: string;
  batchIn?: string;
  judgeModel?: string;
  model?: string;
  structuredOutput?: StructuredOutputMode;
}

/**
 * `clinalign grade --batch-out/--batch-in`: the per-item judge requests of every case as a Batch API file,
 * and the scores from its results, validated exactly as live grading validates them. Exit 0 when every
 * case was graded, 1 when a case was skipped or a result was missing or invalid.
 */
export async function gradeBatchCommand(paths: string[], options: GradeBatchOptions): Promise<number> {
  const { cases, skipped } = readCases(paths, lazyCaseLibrary(), WORKFLOW_NEEDS.grade);
  let exitCode = skipped > 0 ? 1 : 0;
  const gradable = cases.flatMap((c): GradableCase[] => {
    const prepared = caseGradeInput(c.case.document);
    return 'input' in prepared ? [{ ...c, input: prepared.input }] : [];
  });
  if (options.batchOut) return (await writeRequests(gradable, options)) || exitCode;

  const results = await readBatchResults(resolve(options.batchIn!));
  for (const p of results.problems) process.stderr.write(`${options.batchIn}:${p.line}: ${p.message}\n`);
  const answered = [...results.replies.values()].find((r) => 'model' in r) as { model?: string } | undefined;
  const client = replayClient('grade', results, options.judgeModel ?? answered?.model ?? 'batch');
  const grades = [];
  for (const c of gradable) {
    try {
      const grade = await gradeCase(client, c.case);
      grades.push({ file: c.shown, id: c.case.id, ...grade });
    } catch (error) {
      process.stderr.write(`${c.shown}: ${(error as Error).message}\n`);
      exitCode = 1;
    }
  }
  const set = scoreSet(grades.map((g) => g.score).filter((s): s is number => s !== null));
  if (options.format === 'json')
    process.stdout.write(`${JSON.stringify({ score: set, judgeModel: client.judgeModel, cases: grades }, null, 2)}\n`);
  else {
    for (const g of grades)
      process.stdout.write(
        `${g.file}  score ${g.score === null ? 'n/a' : g.score.toFixed(3)}  (judge ${g.judgeModel}, batch)\n`,
      );
    process.stdout.write(
      `${plural(grades.length, 'case')}, mean score ${set === null ? 'n/a' : set.toFixed(3)} (clipped to 0…1; judge ${client.judgeModel})\n`,
    );
  }
  return exitCode;
}

/** A case with the grade input the live grader would send (`caseGradeInput`), so batch and live requests match. */
type GradableCase = CliCase & { input: GradeInput };

async function writeRequests(cases: GradableCase[], options: GradeBatchOptions): Promise<number> {
  const model = batchModel(options.judgeModel ?? options.model, true);
  const mode =
    options.structuredOutput && options.structuredOutput !== 'auto' ? options.structuredOutput : 'json_schema';
  const written = await new BatchRequestFile(resolve(options.batchOut!)).writeAll(async (add) => {
    for (const c of cases) {
      for (const item of c.input.rubric) {
        await add(
          batchRequest(
            'grade',
            gradeItemOutput,
            gradeItemPrompt({ conversation: c.input.conversation, response: c.input.answer, item }),
            model,
            mode,
          ),
        );
      }
    }
  });
  process.stdout.write(
    `${plural(written.requests, 'judge request')} for ${plural(cases.length, 'case')} written to ${describeBatchFiles(written, options.batchOut!)} (judge ${model})\n`,
  );
  return 0;
}
