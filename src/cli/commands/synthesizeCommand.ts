import { setFrontMatterField } from '../../core/case/writeFrontMatter';
import { axisOf, principleOf, type RubricItem } from '../../core/rubric/rubricItem';
import { compileLibrary } from '../../core/lint/compileLibrary';
import { SCENARIO_DIMENSIONS, type Scenario } from '../../core/scenario/labels';
import { UnsafePathError } from '../../core/project/confinedPath';
import { replaceProjectFile } from '../../core/project/safeWrite';
import { WORKFLOW_NEEDS } from '../../core/workflows/caseReadiness';
import { hasVerifiedRubric, synthesizeCase } from '../../core/workflows/synthesizeCase';
import { caseWriteRoot } from '../caseWriteRoot';
import { CliError } from '../cliError';
import { formatProblem, loadCliLibrary, type LibraryOptions } from '../loadCliLibrary';
import { ModelSession, type ModelSessionOptions } from '../modelSession';
import { readCases } from '../readCases';
import { MISSING_ENDPOINT } from '../resolveEndpoint';

export interface SynthesizeOptions extends LibraryOptions, ModelSessionOptions {
  offline?: boolean;
  write?: boolean;
  format: 'text' | 'json';
}

interface CaseRubric {
  file: string;
  scenario: Scenario;
  rubric: RubricItem[];
  /** Constraints the library could not meet for this case. */
  unmet: string[];
  /** With a model: `model` or `model+offline` (template items filled a gap), and the model items left out. */
  source?: 'model' | 'model+offline';
  dropped?: { criterion: string; reason: string }[];
}

/**
 * `clinalign synthesize`: a rubric per case from the principle library, printed or written into the case.
 * Without --offline the model classifies the question and writes the rubric from the ranked principle pool.
 * Exit 0 when every rubric meets the constraints, 1 when one does not (or a model call failed), 2 on
 * unreadable cases, library problems or a missing endpoint.
 */
export async function synthesizeCommand(paths: string[], options: SynthesizeOptions): Promise<number> {
  const session = options.offline ? undefined : modelSession(options);
  const library = loadCliLibrary(options);
  for (const problem of library.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  const { cases, broken } = readCases(
    paths,
    () => compileLibrary(library.principles, library.lexicon, library.patternPlans),
    WORKFLOW_NEEDS.synthesize,
  );

  let exitCode = library.problems.length > 0 || broken > 0 ? 2 : 0;
  const results: CaseRubric[] = [];
  const written = new Set<CaseRubric>();
  for (const { shown, case: c } of cases) {
    let result: CaseRubric;
    try {
      const rubric = await synthesizeCase(
        session?.client,
        c,
        session && { signal: session.signal, onProgress: session.progress(shown) },
      );
      result = { file: shown, scenario: rubric.scenario, rubric: rubric.items, unmet: rubric.unmet };
      if (rubric.source !== 'offline') Object.assign(result, { source: rubric.source, dropped: rubric.dropped });
      for (const item of rubric.dropped)
        process.stderr.write(`${shown}: left out a model item (${item.reason}): ${item.criterion}\n`);
    } catch (error) {
      process.stderr.write(`${shown}: ${(error as Error).message}\n`);
      if (exitCode === 0) exitCode = 1;
      if (session?.signal.aborted) break;
      continue;
    }
    const { rubric: items, unmet } = result;
    for (const constraint of unmet) process.stderr.write(`${shown}: ${constraint}\n`);
    if (unmet.length > 0 && exitCode === 0) exitCode = 1;
    results.push(result);

    if (options.write) {
      if (hasVerifiedRubric(c)) {
        process.stderr.write(
          `${shown}: skipped writing: its rubric has verified items (a reviewer's work is never overwritten)\n`,
        );
        continue;
      }
      try {
        await replaceProjectFile(caseWriteRoot(), c.file, setFrontMatterField(c.text, 'rubric', items).text);
        written.add(result);
      } catch (error) {
        if (!(error instanceof UnsafePathError)) throw error;
        // The rubric is still printed below.
        process.stderr.write(`${shown}: not written: ${error.message}\n`);
        exitCode = 2;
      }
    }
  }

  session?.finish();
  process.stdout.write(
    options.format === 'json'
      ? `${JSON.stringify(results, null, 2)}\n`
      : results.map((r) => formatCase(r, written.has(r))).join('\n'),
  );
  return exitCode;
}

/** The session, or the missing-endpoint error with the offline way out named. */
function modelSession(options: SynthesizeOptions): ModelSession {
  try {
    return new ModelSession(options);
  } catch (error) {
    if (error instanceof CliError && error.message === MISSING_ENDPOINT) {
      throw new CliError(`${MISSING_ENDPOINT}; or use --offline to build the rubric from the principle library alone`);
    }
    throw error;
  }
}

/** `[points] criterion (axis) ← principle` lines under a heading with the file and its scenario. */
function formatCase(result: CaseRubric, wasWritten: boolean): string {
  const scenario = SCENARIO_DIMENSIONS.map((d) => `${d}: ${result.scenario[d]}`).join(', ');
  const lines = [`${result.file}${wasWritten ? ' (written)' : ''}  [${scenario}]`];
  for (const item of result.rubric) {
    lines.push(
      `  [${String(item.points).padStart(3)}] ${item.criterion} (${axisOf(item) ?? '?'}) ← ${principleOf(item) ?? item.tags.find((t) => t.startsWith('concept:')) ?? '?'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
