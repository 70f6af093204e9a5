import { confinedPath } from '../project/confinedPath';
import { createProjectFile, replaceProjectFile } from '../project/safeWrite';
import { healthBenchCaseText } from './healthbenchCase';
import { healthBenchRecordSchema } from './healthbenchRecord';
import { jsonlLines, parseJsonLine } from './jsonlLines';
import { outputPath, prepareOutputFolder } from './outputFolder';

export interface ImportOptions {
  file: string;
  outDir: string;
  /** Overwrite case files that already exist. */
  force?: boolean;
}

export interface ImportProblem {
  line: number;
  message: string;
}

export interface ImportResult {
  written: string[];
  /** Case files left alone because they exist (without `force`). */
  kept: string[];
  problems: ImportProblem[];
}

/**
 * Turns a HealthBench JSONL file into `<prompt_id>.case.md` files in `outDir`, one record at a time. A bad
 * record is reported with its line and the rest go on; existing files are never replaced unless `force`.
 * Every write stays in `outDir` and never goes through a symbolic link (core/project/safeWrite).
 */
export async function importHealthBench(
  options: ImportOptions,
  hooks: { onProblem?: (p: ImportProblem) => void; signal?: AbortSignal } = {},
): Promise<ImportResult> {
  const outDir = prepareOutputFolder(options.outDir);
  const result: ImportResult = { written: [], kept: [], problems: [] };
  const problem = (line: number, message: string) => {
    const p = { line, message };
    result.problems.push(p);
    hooks.onProblem?.(p);
  };
  for await (const line of jsonlLines(options.file)) {
    if (hooks.signal?.aborted) throw hooks.signal.reason ?? new Error('import cancelled');
    let text: string;
    let target: string;
    try {
      const parsed = healthBenchRecordSchema.safeParse(parseJsonLine(line));
      if (!parsed.success)
        throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      text = healthBenchCaseText(parsed.data);
      target = outputPath(outDir, `${parsed.data.prompt_id}.case.md`);
      confinedPath(outDir, target); // a symbolic link in its place is reported, never written through
    } catch (error) {
      problem(line.number, (error as Error).message.replace(/^line \d+: /, ''));
      continue;
    }
    if (options.force) await replaceProjectFile(outDir, target, text);
    else if (!(await createProjectFile(outDir, target, text))) {
      result.kept.push(target);
      continue;
    }
    result.written.push(target);
  }
  return result;
}
