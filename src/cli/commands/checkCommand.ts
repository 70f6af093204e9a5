import { LineIndex } from '../../core/case/lineIndex';
import { compileLibrary } from '../../core/lint/compileLibrary';
import { WORKFLOW_NEEDS } from '../../core/workflows/caseReadiness';
import { checkWithModel } from '../../core/workflows/checkWithModel';
import { CliError } from '../cliError';
import { formatProblem, loadCliLibrary, type LibraryOptions } from '../loadCliLibrary';
import { ModelSession, type ModelSessionOptions } from '../modelSession';
import { readCases } from '../readCases';

export interface CheckOptions extends ModelSessionOptions, LibraryOptions {
  format: 'text' | 'json';
}

/** Same shape as `lint --format json` records, plus the quoted words and the model. */
interface CheckRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'warning';
  principle: string;
  message: string;
  quote: string;
  source: 'model';
}

/** `clinalign check`: model-judged findings anchored on exact quotes. Exit 1 when there are findings. */
export async function checkCommand(paths: string[], options: CheckOptions): Promise<number> {
  const session = new ModelSession(options);
  const library = loadCliLibrary(options);
  for (const problem of library.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  const { cases, skipped } = readCases(
    paths,
    () => compileLibrary(library.principles, library.lexicon, library.patternPlans),
    WORKFLOW_NEEDS.check,
  );
  let failed = library.problems.length > 0 || skipped > 0;
  const records: CheckRecord[] = [];
  for (const [index, { shown, case: c }] of cases.entries()) {
    const { document } = c;
    try {
      const result = await checkWithModel(
        session.client,
        { conversation: document.conversation, answer: document.body, principles: c.promptPrinciples },
        { signal: session.signal, onProgress: session.progress(`checking ${index + 1}/${cases.length}`) },
      );
      const lines = new LineIndex(c.text);
      for (const finding of result.findings) {
        const start = lines.positionAt(document.bodyStart + finding.start);
        const end = lines.positionAt(document.bodyStart + finding.end);
        records.push({
          file: c.file,
          line: start.line + 1,
          column: start.column + 1,
          endLine: end.line + 1,
          endColumn: end.column + 1,
          severity: 'warning',
          principle: finding.principleId,
          message: finding.message,
          quote: finding.quote,
          source: 'model',
        });
      }
      for (const dropped of result.dropped)
        process.stderr.write(
          `${shown}: dropped a finding for ${dropped.principleId} (${dropped.reason}): “${dropped.quote}”\n`,
        );
    } catch (error) {
      if (error instanceof CliError) throw error;
      process.stderr.write(`${shown}: ${(error as Error).message}\n`);
      failed = true;
      if (session.signal.aborted) break;
    }
  }
  session.finish();
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
  else {
    for (const r of records)
      process.stdout.write(
        `${r.file}:${r.line}:${r.column}: ${r.severity} ${r.message} [${r.principle}] “${r.quote}”\n`,
      );
    process.stdout.write(
      `${cases.length} file${cases.length === 1 ? '' : 's'} checked, ${records.length} finding${records.length === 1 ? '' : 's'} (model ${session.client.model})\n`,
    );
  }
  return failed ? (library.problems.length > 0 ? 2 : 1) : records.length > 0 ? 1 : 0;
}
