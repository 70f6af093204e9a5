import { readFileSync } from 'node:fs';
import { replaceAnswer } from '../../core/case/replaceAnswer';
import { caseIdOf, checkHistoryWritable, historyEntry, historyFile, recordRevision, sha256 } from '../../core/case/revisionHistory';
import { confinedPath, UnsafePathError } from '../../core/project/confinedPath';
import { replaceProjectFile } from '../../core/project/safeWrite';
import { unverifyIfChanged } from '../../core/review/reviewStatus';
import { applyOverrides, classifyQuestion } from '../../core/scenario/classifyQuestion';
import { applicablePrinciples } from '../../core/workflows/applicablePrinciples';
import { reviseAnswer } from '../../core/workflows/reviseAnswer';
import { compileLibrary, type CompiledLibrary } from '../../core/lint/compileLibrary';
import type { GradeResult } from '../../core/workflows/gradeAnswer';
import { reviseLoop, type StopReason } from '../../core/workflows/reviseLoop';
import { checkRevisionSafety } from '../../core/workflows/revisionSafety';
import { caseWriteRoot } from '../caseWriteRoot';
import { CliError } from '../cliError';
import { formatProblem, loadCliLibrary, type LibraryOptions } from '../loadCliLibrary';
import { ModelSession, type ModelSessionOptions } from '../modelSession';
import { readCases, type CliCase } from '../readCases';

export interface ReviseOptions extends ModelSessionOptions, LibraryOptions {
  format: 'text' | 'json';
  write?: boolean;
  /** Write a revision even when the safety gate refused it. */
  force?: boolean;
  rounds: number;
  batch?: boolean;
}

interface CaseRevision {
  file: string;
  id: string;
  /** Null without a rubric (nothing to grade against) or without positive items. */
  scoreBefore: number | null;
  scoreAfter: number | null;
  rounds: number;
  stoppedBecause: StopReason | 'single-round';
  changed: boolean;
  addressedPrinciples: string[];
  summary: string;
  revisedAnswer: string;
  written: boolean;
  model: string;
  /** Why the safety gate refused the revision (empty when it is safe). */
  unsafe: string[];
  /** Rounds of the loop that the safety gate refused. */
  refused?: string[];
}

/**
 * `clinalign revise`: guided self-revision of each case's answer. With a rubric it loops grade → revise →
 * re-grade while the score improves; without one it revises once against the applicable principles.
 * `--write` replaces the answer body (only if the file is unchanged since it was read) and records both
 * drafts in `.clinalign/history/<case-id>.jsonl`.
 */
export async function reviseCommand(paths: string[], options: ReviseOptions): Promise<number> {
  const session = new ModelSession(options);
  const library = loadCliLibrary(options);
  for (const problem of library.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  const compiled = compileLibrary(library.principles, library.lexicon);
  const { cases, skipped } = readCases(paths);
  let exitCode = library.problems.length > 0 ? 2 : skipped > 0 ? 1 : 0;
  const results: CaseRevision[] = [];
  for (const [index, c] of cases.entries()) {
    if (c.document.body.trim() === '') {
      process.stderr.write(`${c.shown}: skipped (no answer to revise)\n`);
      exitCode = Math.max(exitCode, 1);
      continue;
    }
    try {
      const result = await reviseCase(session, compiled, c, options, `revising ${index + 1}/${cases.length}`);
      if (options.write && result.changed && result.unsafe.length > 0 && !options.force) {
        process.stderr.write(`${c.shown}: not written: the revision is less safe than the draft (${result.unsafe.join('; ')}); --force writes it anyway\n`);
        exitCode = Math.max(exitCode, 1);
      } else if (options.write && result.changed) {
        try {
          result.written = await writeRevision(c, result, session.endpoint.projectRoot);
        } catch (error) {
          if (!(error instanceof UnsafePathError)) throw error;
          // The revision is still printed below, so nothing the model wrote is lost.
          process.stderr.write(`${c.shown}: not written: ${error.message}\n`);
          exitCode = 2;
        }
      }
      results.push(result);
    } catch (error) {
      if (error instanceof CliError) throw error;
      process.stderr.write(`${c.shown}: ${(error as Error).message}\n`);
      exitCode = Math.max(exitCode, 1);
      if (session.signal.aborted) break;
    }
  }
  session.finish();
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(results.length === 1 && cases.length === 1 ? results[0] : results, null, 2)}\n` : results.map(formatRevision).join('\n'));
  return exitCode;
}

async function reviseCase(session: ModelSession, library: CompiledLibrary, c: CliCase, options: ReviseOptions, label: string): Promise<CaseRevision> {
  const { document } = c;
  const { scenario } = applyOverrides(classifyQuestion(document.question, library.lexicon), { audience: document.data.audience, scenario: document.data.scenario });
  const rubric = document.data.rubric ?? [];
  const applicable = applicablePrinciples(library.principles, scenario, document.question, rubric, undefined, library.lexicon);
  const base = { file: c.shown, id: caseIdOf(c.file, document.data.id), model: session.client.model, written: false };
  const input = { conversation: document.conversation, answer: document.body, principles: applicable };
  const context = { library, question: document.question, scenario, locale: document.data.locale };
  if (rubric.length === 0) {
    const revision = await reviseAnswer(session.client, input, { signal: session.signal, onProgress: session.progress(label) });
    const safety = checkRevisionSafety(context, document.body, revision.answer);
    return { ...base, scoreBefore: null, scoreAfter: null, rounds: 1, stoppedBecause: 'single-round', changed: revision.answer !== document.body, addressedPrinciples: revision.addressedPrinciples, summary: revision.summary, revisedAnswer: revision.answer, unsafe: safety.reasons };
  }
  const safety = (draft: string, revised: string, grades: { draft: GradeResult; revised: GradeResult }) => checkRevisionSafety(context, draft, revised, grades);
  const loop = await reviseLoop(session.client, { ...input, rubric }, { signal: session.signal, maxRounds: options.rounds, gradingMode: options.batch ? 'batch' : 'per-item', onProgress: session.progress(label), safety });
  const kept = loop.rounds.filter((r) => r.kept);
  return {
    ...base,
    scoreBefore: loop.initial.score,
    scoreAfter: loop.best.grade.score,
    rounds: loop.rounds.length,
    stoppedBecause: loop.stoppedBecause,
    changed: loop.best.round > 0,
    addressedPrinciples: [...new Set(kept.flatMap((r) => r.revision.addressedPrinciples))],
    summary: kept.map((r) => r.revision.summary).join(' ') || (loop.rounds[0]?.revision.summary ? `not kept: ${loop.rounds[0].revision.summary}` : ''),
    revisedAnswer: loop.best.answer,
    // The loop keeps only safe rounds; the refusals are reported so the writer sees why nothing changed.
    unsafe: [],
    ...(loop.rounds.some((r) => r.unsafe) && { refused: loop.rounds.flatMap((r) => r.unsafe ?? []) }),
  };
}

/**
 * Writes only when the file on disk is still what was read, then records both drafts. Both destinations are
 * checked first (no symbolic link, inside the project): a refusal (UnsafePathError) leaves the case as it was.
 */
async function writeRevision(c: CliCase, result: CaseRevision, projectRoot: string): Promise<boolean> {
  const history = historyFile(projectRoot, result.id);
  const caseRoot = caseWriteRoot();
  confinedPath(caseRoot, c.file);
  checkHistoryWritable(projectRoot, history);
  const now = readFileSync(c.file, 'utf8');
  if (sha256(now) !== sha256(c.text)) {
    process.stderr.write(`${c.shown}: not written: the file changed on disk while the revision was being made; run revise again\n`);
    return false;
  }
  await replaceProjectFile(caseRoot, c.file, unverifyIfChanged(replaceAnswer(c.text, result.revisedAnswer), 'clinalign revise --write', new Date()));
  await recordRevision(
    projectRoot,
    history,
    c.document.body,
    historyEntry('model-revision', result.revisedAnswer, { model: result.model, principlesAddressed: result.addressedPrinciples }),
  );
  return true;
}

function formatRevision(r: CaseRevision): string {
  const score = (s: number | null) => (s === null ? 'n/a' : s.toFixed(3));
  const head = r.scoreBefore === null ? `${r.file}` : `${r.file}  score ${score(r.scoreBefore)} → ${score(r.scoreAfter)} after ${r.rounds} round${r.rounds === 1 ? '' : 's'} (${r.stoppedBecause})`;
  const lines = [`${head}${r.written ? '  (written)' : ''}`];
  if (r.summary) lines.push(`  ${r.summary}`);
  for (const reason of r.unsafe) lines.push(`  unsafe: ${reason}`);
  for (const reason of r.refused ?? []) lines.push(`  a round was refused by the safety gate: ${reason}`);
  if (r.addressedPrinciples.length > 0) lines.push(`  principles: ${r.addressedPrinciples.join(', ')}`);
  if (!r.changed) lines.push('  no better revision found; the answer is unchanged');
  else if (!r.written) lines.push('', r.revisedAnswer.replace(/\n?$/, '\n'));
  return `${lines.join('\n')}\n`;
}
