import type { GraderName } from '../../core/model/itemJudge';
import { itemJudgeFor } from '../../core/model/itemJudgeFor';
import { scoreSet } from '../../core/rubric/scoreRubric';
import { WORKFLOW_NEEDS } from '../../core/workflows/caseReadiness';
import type { GradeResult, GradingMode } from '../../core/workflows/gradeAnswer';
import { gradeCase } from '../../core/workflows/gradeCase';
import { CliError } from '../cliError';
import { lazyCaseLibrary } from '../loadCliLibrary';
import { ModelSession, type ModelSessionOptions } from '../modelSession';
import { readCases } from '../readCases';
import { plural } from '../format/plural';

export interface GradeOptions extends ModelSessionOptions {
  format: 'text' | 'json';
  batch?: boolean;
  /** `healthbench`: the simple-evals grader protocol (one plain call per item), not with --batch. */
  grader?: GraderName;
}

export interface CaseGrade extends GradeResult {
  file: string;
  id: string;
}

/**
 * `clinalign grade`: each case's answer judged against its rubric. Exit 0 when every case was graded,
 * 1 when a case failed (endpoint error) or was skipped, 2 on usage or configuration errors, 130 when cancelled
 * (Ctrl+C; nothing is printed on stdout, and the items judged so far are cached).
 */
export async function gradeCommand(paths: string[], options: GradeOptions): Promise<number> {
  if (options.batch && options.grader === 'healthbench')
    throw new CliError('--grader healthbench judges one item per call: drop --batch');
  const session = new ModelSession(options);
  const judge = options.grader === 'healthbench' ? itemJudgeFor('healthbench', session.client) : undefined;
  const { cases: gradable, skipped } = readCases(paths, lazyCaseLibrary(), WORKFLOW_NEEDS.grade);
  let exitCode = skipped > 0 ? 1 : 0;

  const total = gradable.reduce((n, c) => n + (c.case.document.data.rubric ?? []).length, 0);
  let done = 0;
  const report = session.progress('grading');
  const mode: GradingMode = options.batch ? 'batch' : 'per-item';
  // All cases at once: the client's limiter bounds the requests in flight.
  const settled = await Promise.allSettled(
    gradable.map(async ({ shown, case: c }) => {
      const before = { done: 0 };
      const grade = await gradeCase(session.client, c, {
        signal: session.signal,
        mode,
        judge,
        onProgress: (p) => {
          if (mode === 'per-item') {
            done += p.done - before.done;
            before.done = p.done;
          }
          report({ done, total });
        },
      });
      if (mode === 'batch') report({ done: (done += grade.items.length), total });
      return { file: shown, id: c.id, ...grade } satisfies CaseGrade;
    }),
  );
  session.finish();
  // A cancelled run has no result to print: the cases not yet judged would look like a score.
  if (session.signal.aborted)
    throw new CliError('grading cancelled; judged items are cached, run again to resume', 130);

  const results: CaseGrade[] = [];
  settled.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') results.push(outcome.value);
    else {
      process.stderr.write(`${gradable[index]!.shown}: ${(outcome.reason as Error).message}\n`);
      exitCode = 1;
    }
  });
  if (options.format === 'json') {
    const scores = results.map((r) => r.score).filter((s): s is number => s !== null);
    const json =
      gradable.length === 1 && results.length === 1
        ? results[0]
        : { score: scoreSet(scores), judgeModel: session.client.judgeModel, cases: results };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    process.stdout.write(results.map(formatGrade).join(''));
    if (results.length > 1) {
      const set = scoreSet(results.map((r) => r.score).filter((s): s is number => s !== null));
      process.stdout.write(
        `${plural(results.length, 'case')}, mean score ${set === null ? 'n/a' : set.toFixed(3)} (clipped to 0…1; judge ${session.client.judgeModel})\n`,
      );
    }
  }
  return exitCode;
}

function formatGrade(result: CaseGrade): string {
  const score = result.score === null ? 'n/a (no positive items)' : result.score.toFixed(3);
  const lines = [
    `${result.file}  score ${score}  (judge ${result.judgeModel}${result.grader === 'healthbench' ? ', HealthBench grader' : ''})`,
  ];
  for (const item of result.items) {
    const good = item.points > 0 ? item.met : !item.met;
    lines.push(
      `  ${good ? '✔' : '✘'} ${item.met ? 'met    ' : 'not met'} [${String(item.points).padStart(3)}] ${item.criterion}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
