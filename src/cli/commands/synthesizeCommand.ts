import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseCase } from '../../core/case/parseCase';
import { setFrontMatterField } from '../../core/case/writeFrontMatter';
import { axisOf, principleOf, type RubricItem } from '../../core/rubric/rubricItem';
import { synthesizeRubricOffline } from '../../core/rubric/synthesizeOffline';
import { applyOverrides, classifyQuestion } from '../../core/scenario/classifyQuestion';
import { SCENARIO_DIMENSIONS, type Scenario } from '../../core/scenario/labels';
import { CliError } from '../cliError';
import { collectMarkdownFiles } from '../collectFiles';
import { formatProblem, loadCliLibrary, type LibraryOptions } from '../loadCliLibrary';

export interface SynthesizeOptions extends LibraryOptions {
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
}

/**
 * `clinalign synthesize`: a rubric per case from the principle library, printed or written into the case.
 * Exit 0 when every rubric meets the constraints, 1 when one does not, 2 on unreadable cases or library problems.
 */
export function synthesizeCommand(paths: string[], options: SynthesizeOptions): number {
  if (!options.offline) {
    throw new CliError('model-based rubric synthesis needs a model endpoint, which is not supported yet; use --offline to build the rubric from the principle library');
  }
  const files = collectMarkdownFiles(paths);
  const library = loadCliLibrary(options);
  for (const problem of library.problems) process.stderr.write(`${formatProblem(problem)}\n`);

  let exitCode = library.problems.length > 0 ? 2 : 0;
  const results: CaseRubric[] = [];
  const written = new Set<CaseRubric>();
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    const text = readText(file);
    const document = parseCase(text);
    if (document.problems.length > 0) {
      for (const p of document.problems) process.stderr.write(`${shown}:${p.line + 1}:${p.column + 1}: ${p.message}\n`);
      process.stderr.write(`${shown}: skipped (fix the front matter first)\n`);
      exitCode = 2;
      continue;
    }
    if (document.question.trim() === '') {
      process.stderr.write(`${shown}: skipped (no question: add \`prompt:\` or \`conversation:\` to the front matter)\n`);
      continue;
    }
    const { scenario } = applyOverrides(classifyQuestion(document.question), {
      audience: document.data.audience,
      scenario: document.data.scenario,
    });
    const { items, unmet } = synthesizeRubricOffline({ principles: library.principles, scenario, question: document.question });
    for (const constraint of unmet) process.stderr.write(`${shown}: ${constraint}\n`);
    if (unmet.length > 0 && exitCode === 0) exitCode = 1;
    const result: CaseRubric = { file: shown, scenario, rubric: items, unmet };
    results.push(result);

    if (options.write) {
      if ((document.data.rubric ?? []).some((item) => item.verified === true)) {
        process.stderr.write(`${shown}: skipped writing: its rubric has verified items (a reviewer's work is never overwritten)\n`);
        continue;
      }
      writeFileSync(file, setFrontMatterField(text, 'rubric', items).text);
      written.add(result);
    }
  }

  process.stdout.write(options.format === 'json' ? `${JSON.stringify(results, null, 2)}\n` : results.map((r) => formatCase(r, written.has(r))).join('\n'));
  return exitCode;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** `[points] criterion (axis) ← principle` lines under a heading with the file and its scenario. */
function formatCase(result: CaseRubric, wasWritten: boolean): string {
  const scenario = SCENARIO_DIMENSIONS.map((d) => `${d}: ${result.scenario[d]}`).join(', ');
  const lines = [`${result.file}${wasWritten ? ' (written)' : ''}  [${scenario}]`];
  for (const item of result.rubric) {
    lines.push(`  [${String(item.points).padStart(3)}] ${item.criterion} (${axisOf(item) ?? '?'}) ← ${principleOf(item) ?? '?'}`);
  }
  return `${lines.join('\n')}\n`;
}
