import { readFileSync } from 'node:fs';
import { replaceAnswer } from '../../core/case/replaceAnswer';
import {
  checkHistoryWritable,
  historyEntry,
  historyFile,
  recordRevision,
  sha256,
} from '../../core/case/revisionHistory';
import { compileLibrary } from '../../core/lint/compileLibrary';
import { confinedPath, UnsafePathError } from '../../core/project/confinedPath';
import { replaceProjectFile } from '../../core/project/safeWrite';
import { unverifyIfChanged } from '../../core/review/reviewStatus';
import type { Case } from '../../core/workflows/case';
import { WORKFLOW_NEEDS } from '../../core/workflows/caseReadiness';
import { reviseCase } from '../../core/workflows/reviseCase';
import type { StopReason } from '../../core/workflows/reviseLoop';
import { caseWriteRoot } from '../caseWriteRoot';
import { CliError } from '../cliError';
import { formatProblem, loadCliLibrary, type LibraryOptions } from '../loadCliLibrary';
import { ModelSession, type ModelSessionOptions } from '../modelSession';
import { readCases } from '../readCases';

export interface ReviseOptions extends ModelSessionOptions, LibraryOptions {
  format: 'text' | 'json';
  write?: boolean;
  /** Write a revision even when the safety gate refused it. */
  force?: boolean;
  rounds: number;
  batch?: boolean;
}

interface RevisionRecord {
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
 * `clinalign revise`: guided self-revision of each case's answer by the one revise policy (reviseCase: with a
 * rubric, kept only when safe and scoring higher; without one, a single revision checked by the safety gate).
 * `--write` replaces the answer body (only if the file is unchanged since it was read) and records both
 * drafts in `.clinalign/history/<case-id>.jsonl` under the case's project (caseProjectRoot, as the editor).
 */
export async function reviseCommand(paths: string[], options: ReviseOptions): Promise<number> {
  const session = new ModelSession(options);
  const library = loadCliLibrary(options);
  for (const problem of library.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  const compiled = compileLibrary(library.principles, library.lexicon, library.patternPlans);
  const { cases, skipped } = readCases(paths, compiled, WORKFLOW_NEEDS.revise);
  let exitCode = library.problems.length > 0 ? 2 : skipped > 0 ? 1 : 0;
  const results: RevisionRecord[] = [];
  for (const [index, { shown, case: c }] of cases.entries()) {
    try {
      const revision = await reviseCase(session.client, c, {
        library: compiled,
        rounds: options.rounds,
        gradingMode: options.batch ? 'batch' : 'per-item',
        signal: session.signal,
        onProgress: session.progress(`revising ${index + 1}/${cases.length}`),
      });
      const result: RevisionRecord = {
        file: shown,
        id: c.id,
        scoreBefore: revision.scoreBefore,
        scoreAfter: revision.scoreAfter,
        rounds: revision.rounds,
        stoppedBecause: revision.stoppedBecause,
        changed: revision.changed,
        addressedPrinciples: revision.addressedPrinciples,
        summary: revision.summary,
        revisedAnswer: revision.answer,
        written: false,
        model: revision.model,
        unsafe: revision.unsafe,
        ...(revision.refused.length > 0 && { refused: revision.refused }),
      };
      if (options.write && result.changed && result.unsafe.length > 0 && !options.force) {
        process.stderr.write(
          `${shown}: not written: the revision is less safe than the draft (${result.unsafe.join('; ')}); --force writes it anyway\n`,
        );
        exitCode = Math.max(exitCode, 1);
      } else if (options.write && result.changed) {
        try {
          result.written = await writeRevision(c, shown, result);
        } catch (error) {
          if (!(error instanceof UnsafePathError)) throw error;
          // The revision is still printed below, so nothing the model wrote is lost.
          process.stderr.write(`${shown}: not written: ${error.message}\n`);
          exitCode = 2;
        }
      }
      results.push(result);
    } catch (error) {
      if (error instanceof CliError) throw error;
      process.stderr.write(`${shown}: ${(error as Error).message}\n`);
      exitCode = Math.max(exitCode, 1);
      if (session.signal.aborted) break;
    }
  }
  session.finish();
  process.stdout.write(
    options.format === 'json'
      ? `${JSON.stringify(results.length === 1 && cases.length === 1 ? results[0] : results, null, 2)}\n`
      : results.map(formatRevision).join('\n'),
  );
  return exitCode;
}

/**
 * Writes only when the file on disk is still what was read, then records both drafts. Both destinations are
 * checked first (no symbolic link, inside the project): a refusal (UnsafePathError) leaves the case as it was.
 */
async function writeRevision(c: Case, shown: string, result: RevisionRecord): Promise<boolean> {
  const history = historyFile(c.root, result.id);
  const caseRoot = caseWriteRoot();
  confinedPath(caseRoot, c.file);
  checkHistoryWritable(c.root, history);
  const now = readFileSync(c.file, 'utf8');
  if (sha256(now) !== sha256(c.text)) {
    process.stderr.write(
      `${shown}: not written: the file changed on disk while the revision was being made; run revise again\n`,
    );
    return false;
  }
  await replaceProjectFile(
    caseRoot,
    c.file,
    unverifyIfChanged(replaceAnswer(c.text, result.revisedAnswer), 'clinalign revise --write', new Date()),
  );
  await recordRevision(
    c.root,
    history,
    c.document.body,
    historyEntry('model-revision', result.revisedAnswer, {
      model: result.model,
      principlesAddressed: result.addressedPrinciples,
    }),
  );
  return true;
}

function formatRevision(r: RevisionRecord): string {
  const score = (s: number | null) => (s === null ? 'n/a' : s.toFixed(3));
  const head =
    r.scoreBefore === null
      ? `${r.file}`
      : `${r.file}  score ${score(r.scoreBefore)} → ${score(r.scoreAfter)} after ${r.rounds} round${r.rounds === 1 ? '' : 's'} (${r.stoppedBecause})`;
  const lines = [`${head}${r.written ? '  (written)' : ''}`];
  if (r.summary) lines.push(`  ${r.summary}`);
  for (const reason of r.unsafe) lines.push(`  unsafe: ${reason}`);
  for (const reason of r.refused ?? []) lines.push(`  a round was refused by the safety gate: ${reason}`);
  if (r.addressedPrinciples.length > 0) lines.push(`  principles: ${r.addressedPrinciples.join(', ')}`);
  if (!r.changed) lines.push('  no better revision found; the answer is unchanged');
  else if (!r.written) lines.push('', r.revisedAnswer.replace(/\n?$/, '\n'));
  return `${lines.join('\n')}\n`;
}
