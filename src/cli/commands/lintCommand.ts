import { LineIndex } from '../../core/case/lineIndex';
import { bundledLexicon } from '../../core/concepts/loadLexicon';
import { RecognitionCache } from '../../core/concepts/recognitionCache';
import { budgetFinding } from '../../core/lint/budgetFinding';
import { BudgetedLinter, LINT_TIME_BUDGET_MS } from '../../core/lint/budgetedLinter';
import { finishCase, prepareCase, type CaseReadingLibrary } from '../../core/lint/lintCase';
import { earlyLintWorker } from '../earlyLintWorker';
import { lintWorkerFile } from '../lintWorkerFile';
import { collectMarkdownFiles } from '../collectFiles';
import { INPUT_LIMITS } from '../../core/untrusted/inputLimits';
import { readFileWithinLimit, unreadableMessage } from '../../core/untrusted/readFileWithinLimit';
import { formatSarif } from '../format/formatSarif';
import { formatText } from '../format/formatText';
import { FRONT_MATTER_RULE, type LintRecord } from '../format/lintRecord';
import { cliLibrarySpec, formatProblem, loadCliLibrary, type LibraryOptions } from '../loadCliLibrary';
import { plural } from '../format/plural';
import { remapSeverity } from '../../core/lint/remapSeverity';
import { teamSeverityMap, type TeamLintConfig } from '../../core/lint/teamLintConfig';
import { TeamLintConfigs } from '../teamLintConfigs';

/** How many files are read and sent to the lint worker before the first of them has come back. */
const FILES_AHEAD = 16;

export interface LintOptions extends LibraryOptions {
  format: 'text' | 'json' | 'sarif';
  maxWarnings?: number;
  /** `--audience`: the audience of every case that names none. */
  audience?: 'layperson' | 'clinician';
}

/** `clinalign lint`: returns the exit code (0 clean, 1 errors or too many warnings, 2 configuration problems). */
export async function lintCommand(paths: string[], options: LintOptions, version: string): Promise<number> {
  const files = collectMarkdownFiles(paths.length > 0 ? paths : ['.']);
  // The detectors run in a worker with a time budget per file: an overrun is that file's finding, not a hang.
  // It was started before the CLI loaded (earlyLintWorker.ts), so it loads its library while this thread loads
  // its own and reads the files. (A second worker was measured on 144 files and gained nothing on two cores.)
  const linter = new BudgetedLinter(lintWorkerFile(), LINT_TIME_BUDGET_MS, earlyLintWorker.take());
  linter.setLibrary(cliLibrarySpec(options));
  linter.start();
  const library = loadCliLibrary(options);
  for (const problem of library.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  // This thread only reads the cases (their scenario needs the concepts); the worker compiles the detectors.
  const lexicon = library.lexicon ?? bundledLexicon(); // as compileLibrary would
  const reading: CaseReadingLibrary = { lexicon, recognitions: new RecognitionCache(lexicon) };

  // The team's `lint:` decisions in .clinalign/config.yaml apply here exactly as in the editor.
  const teamConfigs = new TeamLintConfigs();
  // Files are read and prepared while the worker lints the ones before them (a few ahead), in order.
  const results: Promise<LintRecord[]>[] = [];
  for (const file of files) {
    if (results.length >= FILES_AHEAD) await results[results.length - FILES_AHEAD];
    // A file that cannot be read (or is over the size cap) is its own error; the other files are still linted.
    let text: string;
    try {
      text = readFileWithinLimit(file, INPUT_LIMITS.caseFile, 'case file');
    } catch (error) {
      const record: LintRecord = {
        file,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity: 'error',
        principle: FRONT_MATTER_RULE,
        message: unreadableMessage(error),
      };
      results.push(Promise.resolve([record]));
      continue;
    }
    const linted = lintFile(file, text, reading, linter, options.audience, teamConfigs.forCase(file));
    linted.catch(() => undefined); // a failure is thrown in order below, not reported as unhandled meanwhile
    results.push(linted);
  }
  const records = (await Promise.all(results)).flat();
  linter.dispose();
  for (const problem of teamConfigs.problems) process.stderr.write(`${problem}\n`);

  const output =
    options.format === 'json'
      ? JSON.stringify(records, null, 2)
      : options.format === 'sarif'
        ? formatSarif(records, library.principles, version)
        : formatText(records, files.length);
  process.stdout.write(`${output}\n`);

  if (library.problems.length > 0 || teamConfigs.problems.length > 0) return 2;
  const errors = records.filter((r) => r.severity === 'error').length;
  const warnings = records.filter((r) => r.severity === 'warning').length;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(
      `${plural(warnings, 'warning')} ${warnings === 1 ? 'exceeds' : 'exceed'} --max-warnings ${options.maxWarnings}\n`,
    );
    return 1;
  }
  return 0;
}

async function lintFile(
  file: string,
  text: string,
  library: CaseReadingLibrary,
  linter: BudgetedLinter,
  defaultAudience: 'layperson' | 'clinician' | undefined,
  team: TeamLintConfig,
): Promise<LintRecord[]> {
  const prepared = prepareCase(library, text, { defaultAudience });
  const answer = await linter.lint(prepared.input);
  const result = finishCase(prepared, 'timedOut' in answer ? [budgetFinding(answer.budgetMs)] : answer.findings);
  const { document } = result;
  const findings = remapSeverity(result.findings, teamSeverityMap(team));
  const lines = new LineIndex(text);
  const frontMatter: LintRecord[] = document.problems.map((p) => ({
    file,
    line: p.line + 1,
    column: p.column + 1,
    endLine: (p.endLine ?? p.line) + 1,
    endColumn: (p.endColumn ?? p.column) + 1,
    severity: 'error',
    principle: FRONT_MATTER_RULE,
    message: p.message,
  }));
  return [
    ...frontMatter,
    ...findings.map((f) => {
      const start = lines.positionAt(f.start);
      const end = lines.positionAt(f.end);
      return {
        file,
        line: start.line + 1,
        column: start.column + 1,
        endLine: end.line + 1,
        endColumn: end.column + 1,
        severity: f.severity,
        principle: f.principleId,
        message: f.message,
      };
    }),
  ];
}
