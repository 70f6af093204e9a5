import { findEndpointConfigFile, readEndpointConfigFile } from '../../core/model/endpointConfigFile';
import { exportCases } from '../../core/dataset/exportCases';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/dataset/exportRecords';
import { UnsafeOutputError } from '../../core/dataset/outputFolder';
import { judgeModelOf } from '../../core/model/endpointConfig';
import { compileLibrary } from '../../core/lint/compileLibrary';
import { CliError } from '../cliError';
import { formatProblem, loadCliLibrary, type LibraryOptions } from '../loadCliLibrary';
import { clearProgress, writeProgress } from '../terminalOutput';
import { plural } from '../format/plural';

export interface ExportCommandOptions extends LibraryOptions {
  out: string;
  formats: string;
  includeUnverified?: boolean;
  judgeModel?: string;
}

/**
 * `clinalign export`: verified cases → healthbench.jsonl, preferences.jsonl, rl.jsonl, skipped.json,
 * manifest.json and README.md in --out. Exit 0 when every case exported, 1 when some were skipped, 2 on
 * usage errors or an unsafe output folder.
 */
export async function exportCommand(paths: string[], options: ExportCommandOptions, version: string): Promise<number> {
  const formats = parseFormats(options.formats);
  const library = loadCliLibrary(options);
  const compiled = compileLibrary(library.principles, library.lexicon, library.patternPlans);
  for (const problem of library.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  const controller = new AbortController();
  const cancel = () => controller.abort(new Error('export cancelled; the previous export is left as it was'));
  process.once('SIGINT', cancel);
  try {
    const { manifest, outDir } = await exportCases(
      compiled,
      {
        inputs: paths,
        outDir: options.out,
        formats,
        includeUnverified: options.includeUnverified,
        judgeModel: options.judgeModel ?? process.env.CLINALIGN_JUDGE_MODEL ?? configuredJudge(),
        generator: `clinalign ${version}`,
      },
      {
        signal: controller.signal,
        onSkip: (s) =>
          process.stderr.write(
            `${s.reason === 'parse-error' ? s.detail : `${s.file}: ${s.detail}`} (skipped: ${s.reason})\n`,
          ),
        onProgress: (p) => {
          if (p.done === p.total) clearProgress();
          else writeProgress(`exporting ${p.done}/${p.total}`);
        },
      },
    );
    const records = manifest.files
      .filter((f) => /\.(jsonl|parquet)$/.test(f.name))
      .map((f) => `${f.name} ${f.records}`)
      .join(', ');
    process.stdout.write(
      `${manifest.counts.cases_exported} of ${plural(manifest.counts.cases_read, 'case')} exported to ${outDir}: ${records}; ${manifest.counts.cases_skipped} skipped (skipped.json)\n`,
    );
    return manifest.counts.cases_skipped > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UnsafeOutputError) throw new CliError(error.message);
    if (controller.signal.aborted) throw new CliError((error as Error).message, 130);
    if ((error as Error).message.startsWith('no such file or folder')) throw new CliError((error as Error).message);
    throw error;
  } finally {
    process.removeListener('SIGINT', cancel);
  }
}

function parseFormats(value: string): ExportFormat[] {
  const formats = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = formats.filter((f) => !(EXPORT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0)
    throw new CliError(`--formats takes a comma-separated list of ${EXPORT_FORMATS.join(', ')}; got "${value}"`);
  return formats as ExportFormat[];
}

/** The judge model of `.clinalign/config.yaml`, if there is one; export works without it. */
function configuredJudge(): string | undefined {
  try {
    const file = findEndpointConfigFile(process.cwd());
    const config = file ? readEndpointConfigFile(file) : undefined;
    return config?.model ? judgeModelOf({ model: config.model, judgeModel: config.judgeModel }) : config?.judgeModel;
  } catch {
    return undefined;
  }
}
