import type { BlockingFinding } from '../review/verificationGate';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { dirname, join, resolve } from 'node:path';
import { HISTORY_FOLDER, readHistory, type HistoryEntry } from '../case/revisionHistory';
import { SCENARIO_DIMENSIONS } from '../scenario/labels';
import { listCaseFiles, type ListedCaseFile } from './caseFileList';
import { datasetCard } from './datasetCard';
import { exportManifestSchema, type ExportFile, type ExportManifest } from './exportManifest';
import { DEFAULT_EXPORT_FORMATS, EXPORT_FORMATS, exportFileName, type ExportFormat } from './exportRecords';
import { VerlParquetFile } from './verlParquetFile';
import { exportableCase, isSkipped, type SkippedCase, type SkipReason } from './exportableCase';
import { INPUT_LIMITS } from '../untrusted/inputLimits';
import { readFileWithinLimit, unreadableMessage } from '../untrusted/readFileWithinLimit';
import { AtomicFile, outputPath, prepareOutputFolder, UnsafeOutputError, writeFileAtomic } from './outputFolder';
import { cleanStaleTemporaries } from './staleTemporaries';
import { StagedFolder } from './stagedFolder';
import type { FileSystemPort } from '../project/fileSystemPort';
import { findProjectFolder } from '../project/findProjectFolder';
import { nodeFileSystem } from '../project/nodeFileSystem';
import { PROJECT_FOLDER } from '../project/projectLayout';

export interface ExportOptions {
  /** Case files or folders (searched recursively). */
  inputs: readonly string[];
  outDir: string;
  formats?: readonly ExportFormat[];
  includeUnverified?: boolean;
  principleLibrary?: { version: string; principles: number } | undefined;
  judgeModel?: string | undefined;
  /** `clinalign <version>`. */
  generator?: string;
  /** The manifest's time; tests pin it. */
  now?: () => Date;
  /** Error-level findings of a case text (blockingFindings with the project's library): unsafe verified cases are skipped. */
  safety?: (text: string) => BlockingFinding[];
  /** Where cases are read and the export written; node:fs unless a test gives another. */
  fs?: FileSystemPort;
}

export interface ExportProgress {
  done: number;
  total: number;
}

export interface ExportHooks {
  onProgress?: (progress: ExportProgress) => void;
  /** Each skipped case as it is found (the CLI prints it). */
  onSkip?: (skipped: SkippedCase) => void;
  signal?: AbortSignal;
}

export interface ExportResult {
  outDir: string;
  manifest: ExportManifest;
}

export const SKIPPED_REPORT = 'skipped.json';

/** Every file an export may write, for any choice of formats: what may be replaced as a whole. */
const EXPORT_FILES = [...EXPORT_FORMATS.map(exportFileName), SKIPPED_REPORT, 'manifest.json', 'README.md'];

/**
 * Exports the cases under `inputs` to `outDir`: one JSONL file per format, `skipped.json`, `manifest.json`
 * and a dataset card. Cases are read, turned into records and written one at a time, so memory does not
 * grow with the number of cases (only the sorted list of paths and the set of ids seen are kept). The
 * whole set is written into a temporary folder and moved into place in one step at the end (StagedFolder):
 * a failure, cancellation or kill leaves the previous export as it was, and the next run removes what a
 * killed run left behind. The data files depend only on the cases, so a re-export is byte-identical.
 */
export async function exportDataset(options: ExportOptions, hooks: ExportHooks = {}): Promise<ExportResult> {
  const formats = EXPORT_FORMATS.filter((f) => (options.formats ?? DEFAULT_EXPORT_FORMATS).includes(f));
  const fs = options.fs ?? nodeFileSystem;
  const outDir = prepareOutputFolder(options.outDir, fs);
  cleanStaleTemporaries(outDir, EXPORT_FILES, fs);
  const files = listCaseFiles(options.inputs, outDir, fs);
  const targets = new Map<string, string>([
    ...formats.map((f) => [exportFileName(f), outputPath(outDir, exportFileName(f), fs)] as const),
    ...[SKIPPED_REPORT, 'manifest.json', 'README.md'].map((name) => [name, outputPath(outDir, name, fs)] as const),
  ]);
  // Never overwrite a case: the output folder may sit among the inputs.
  const inputs = new Set(files.map((f) => f.file));
  for (const target of targets.values())
    if (inputs.has(target)) throw new UnsafeOutputError(`refusing to overwrite the case file ${target}`);

  const staged = StagedFolder.create(outDir, EXPORT_FILES, fs);
  const stagedPath = (name: string) => join(staged.path, name);
  const writers = new Map(
    formats.map(
      (f) =>
        [
          f,
          f === 'verl'
            ? new VerlParquetFile(stagedPath(exportFileName(f)), fs)
            : new AtomicFile(stagedPath(exportFileName(f)), fs),
        ] as const,
    ),
  );
  const report = new AtomicFile(stagedPath(SKIPPED_REPORT), fs);
  const all = [...writers.values(), report];
  try {
    const tally = await writeRecords(files, formats, options, writers, report, hooks);
    await report.write(tally.skippedCount === 0 ? '[]\n' : '\n]\n');
    const exportFiles: ExportFile[] = [];
    for (const [format, writer] of writers) {
      exportFiles.push({ name: exportFileName(format), records: writer.lines, bytes: writer.bytes, sha256: '' });
    }
    // Complete the data files (inside the staged folder) only after every case went through.
    for (const [index, writer] of [...writers.values()].entries()) {
      exportFiles[index]!.sha256 = await writer.commit();
      exportFiles[index]!.bytes = writer.bytes; // parquet's size is known only once written
    }
    const reportBytes = report.bytes;
    exportFiles.push({
      name: SKIPPED_REPORT,
      records: tally.skippedCount,
      bytes: reportBytes,
      sha256: await report.commit(),
    });

    const body: Omit<ExportManifest, 'created_at'> = {
      format_version: 1,
      generator: options.generator ?? 'clinalign',
      formats: [...formats],
      include_unverified: options.includeUnverified ?? false,
      counts: {
        cases_read: files.length,
        cases_exported: tally.exported,
        cases_skipped: tally.skippedCount,
        records: Object.fromEntries([...writers].map(([f, w]) => [f, w.lines])),
      },
      skipped_by_reason: tally.byReason,
      scenario_counts: tally.scenarioCounts,
      files: exportFiles,
      principle_library: options.principleLibrary ?? null,
      judge_model: options.judgeModel ?? null,
    };
    const card = datasetCard(body);
    const manifest = exportManifestSchema.parse({
      ...body,
      created_at: (options.now ?? (() => new Date()))().toISOString(),
    });
    await writeFileAtomic(stagedPath('README.md'), card, fs);
    await writeFileAtomic(stagedPath('manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, fs);
    // Moved one by one only when the folder holds other files too: the manifest goes last.
    staged.commit([...targets.keys()].filter((name) => name !== 'manifest.json').concat('manifest.json'));
    return { outDir, manifest };
  } catch (error) {
    await Promise.all(all.map((w) => w.discard()));
    staged.discard();
    throw error;
  }
}

interface Tally {
  exported: number;
  skippedCount: number;
  byReason: Partial<Record<SkipReason, number>>;
  scenarioCounts: Record<string, Record<string, number>>;
}

async function writeRecords(
  files: readonly ListedCaseFile[],
  formats: readonly ExportFormat[],
  options: ExportOptions,
  writers: Map<ExportFormat, AtomicFile | VerlParquetFile>,
  report: AtomicFile,
  hooks: ExportHooks,
): Promise<Tally> {
  const tally: Tally = { exported: 0, skippedCount: 0, byReason: {}, scenarioCounts: {} };
  for (const d of SCENARIO_DIMENSIONS) tally.scenarioCounts[d] = {};
  const seen = new Set<string>();
  const fs = options.fs ?? nodeFileSystem;
  const historyOf = historyReader(fs);
  const skip = async (skipped: SkippedCase) => {
    await report.write(`${tally.skippedCount === 0 ? '[\n' : ',\n'}  ${JSON.stringify(skipped)}`);
    tally.skippedCount++;
    tally.byReason[skipped.reason] = (tally.byReason[skipped.reason] ?? 0) + 1;
    hooks.onSkip?.(skipped);
  };

  for (const [index, listed] of files.entries()) {
    if (hooks.signal?.aborted) throw hooks.signal.reason ?? new Error('export cancelled');
    // Synchronous reads of small files are several times cheaper than async ones (no thread-pool round
    // trips); yielding every few files keeps the editor responsive and cancellation prompt.
    if (index % 64 === 63) await yieldToEventLoop();
    const text = readCaseText(listed, fs);
    const result =
      typeof text === 'string'
        ? await exportableCase({
            shownFile: listed.shown,
            text,
            includeUnverified: options.includeUnverified ?? false,
            formats,
            history: (id) => historyOf(listed.file, id),
            safety: options.safety,
          })
        : text;
    if (isSkipped(result)) await skip(result);
    else if (seen.has(result.id))
      await skip({ file: listed.shown, reason: 'duplicate-id', detail: `another case already has id ${result.id}` });
    else {
      seen.add(result.id);
      tally.exported++;
      await writers.get('healthbench')?.writeLine(result.healthbench);
      if (result.preference) await writers.get('preferences')?.writeLine(result.preference);
      await writers.get('rl')?.writeLine(result.rl);
      await writers.get('verl')?.writeLine(result.rl);
      for (const d of SCENARIO_DIMENSIONS) {
        const label = result.scenario[d] ?? 'unlabelled';
        tally.scenarioCounts[d]![label] = (tally.scenarioCounts[d]![label] ?? 0) + 1;
      }
    }
    if (index % 256 === 255 || index === files.length - 1) hooks.onProgress?.({ done: index + 1, total: files.length });
  }
  for (const d of SCENARIO_DIMENSIONS)
    tally.scenarioCounts[d] = Object.fromEntries(
      Object.entries(tally.scenarioCounts[d]!).sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  return tally;
}

/** A case file's text, or its skip: an unreadable or oversized file is that file's error, and the export goes on. */
function readCaseText(listed: ListedCaseFile, fs: FileSystemPort): string | SkippedCase {
  try {
    return readFileWithinLimit(listed.file, INPUT_LIMITS.caseFile, 'case file', fs);
  } catch (error) {
    return {
      file: listed.shown,
      reason: 'parse-error',
      detail: `${listed.shown}:1:1: ${unreadableMessage(error)}`,
      line: 1,
      column: 1,
    };
  }
}

/**
 * History of a case: `.clinalign/history/<id>.jsonl` in the nearest folder above the case that has `.clinalign/`,
 * searched no higher than the repository root.
 * Each history folder is listed once, so the many cases without a history cost no file-system call. A history
 * behind a symbolic link is refused (UnsafePathError naming the link): the case is skipped as invalid-record.
 */
function historyReader(fs: FileSystemPort): (caseFile: string, id: string) => Promise<HistoryEntry[]> {
  const roots = new Map<string, string | null>();
  const listings = new Map<string, Set<string>>();
  // Like every `.clinalign/` lookup (findProjectFolder), no higher than the repository root; once per folder.
  const rootOf = (dir: string): string | null => {
    if (!roots.has(dir)) roots.set(dir, findProjectFolder(dir, PROJECT_FOLDER, fs) ?? null);
    return roots.get(dir)!;
  };
  const filesIn = (folder: string): Set<string> => {
    let names = listings.get(folder);
    if (!names) {
      try {
        names = new Set(fs.readdir(folder));
      } catch {
        names = new Set();
      }
      listings.set(folder, names);
    }
    return names;
  };
  return async (caseFile, id) => {
    const root = rootOf(dirname(resolve(caseFile)));
    if (!root) return [];
    const folder = join(root, HISTORY_FOLDER);
    const name = `${id}.jsonl`;
    // Read inside the project only, never through a symbolic link: a cloned repository could otherwise
    // point a history at a private file and have its text exported as a rejected answer.
    return filesIn(folder).has(name) ? readHistory(root, join(folder, name), fs) : [];
  };
}
