import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { importHealthBench } from '../../core/dataset/importHealthBench';
import { CliError } from '../cliError';
import { plural } from '../format/plural';

export interface ImportCommandOptions {
  out: string;
  force?: boolean;
}

/**
 * `clinalign import`: HealthBench JSONL → one draft case file per record. Exit 0 when every record became a
 * case, 1 when a record was invalid or its file existed (kept), 2 on usage errors.
 */
export async function importCommand(file: string, options: ImportCommandOptions): Promise<number> {
  if (!existsSync(file)) throw new CliError(`no such file: ${file}`);
  const result = await importHealthBench(
    { file, outDir: options.out, force: options.force ?? false },
    { onProblem: (p) => process.stderr.write(`${file}:${p.line}: ${p.message} (record skipped)\n`) },
  );
  for (const kept of result.kept)
    process.stderr.write(`${relative(process.cwd(), kept) || kept}: exists, kept (use --force to overwrite)\n`);
  process.stdout.write(
    `${plural(result.written.length, 'case file')} written to ${options.out}; ${result.kept.length} kept; ${plural(result.problems.length, 'record')} skipped\n`,
  );
  return result.problems.length > 0 || result.kept.length > 0 ? 1 : 0;
}
