import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { confinedPath } from '../project/confinedPath';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';
import { readJsonLines } from '../project/readJsonLines';
import { appendProjectFile } from '../project/safeWrite';
import { HISTORY_FOLDER } from '../project/projectLayout';

export { HISTORY_FOLDER };

/** One line of `.clinalign/history/<case-id>.jsonl` (docs/ARCHITECTURE.md §3.2). */
export interface HistoryEntry {
  time: string;
  source: 'human' | 'model-revision';
  /** The model that wrote it; absent for a human draft. */
  model?: string;
  principlesAddressed: string[];
  text: string;
  sha256: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A case's id: its `id:` when set, else the file name without `.case.md` / `.md`. */
export function caseIdOf(file: string, id: string | undefined): string {
  return id ?? basename(file).replace(/(?:\.case)?\.md$/i, '');
}

export function historyFile(root: string, caseId: string): string {
  return join(root, HISTORY_FOLDER, `${caseId}.jsonl`);
}

export function historyEntry(
  source: HistoryEntry['source'],
  text: string,
  extra: { model?: string; principlesAddressed?: string[] } = {},
): HistoryEntry {
  return {
    time: new Date().toISOString(),
    source,
    ...(extra.model ? { model: extra.model } : {}),
    principlesAddressed: extra.principlesAddressed ?? [],
    text,
    sha256: sha256(text),
  };
}

/**
 * The history of `file` inside the project `root`; empty when there is none or it cannot be read, a line that
 * is not JSON (a crash mid-append) skipped. A history behind a symbolic link or outside the project is
 * refused (UnsafePathError), never followed.
 */
export async function readHistory(
  root: string,
  file: string,
  fs: FileSystemPort = nodeFileSystem,
): Promise<HistoryEntry[]> {
  return (await readJsonLines(root, file, fs)) as HistoryEntry[];
}

/**
 * Appends an accepted revision, preceded by the draft it replaced unless the history already ends with that
 * draft — so the first human draft is recorded once, and a chain of revisions stays a chain. `file` must lie
 * in the project `root` and not behind a symbolic link (UnsafePathError otherwise).
 */
export async function recordRevision(
  root: string,
  file: string,
  draft: string,
  revision: HistoryEntry,
  fs: FileSystemPort = nodeFileSystem,
): Promise<void> {
  const entries = await readHistory(root, file, fs);
  const lines: HistoryEntry[] = [];
  // The draft was written before the revision was made: stamped now it would come after it in time.
  if (entries.at(-1)?.sha256 !== sha256(draft)) lines.push({ ...historyEntry('human', draft), time: revision.time });
  lines.push(revision);
  await appendProjectFile(root, file, lines.map((entry) => `${JSON.stringify(entry)}\n`).join(''), fs);
}

/**
 * Throws UnsafePathError when a revision could not be recorded in `file` (a link, or outside the project):
 * writers call it before they change the case, so a refusal leaves the case as it was.
 */
export function checkHistoryWritable(root: string, file: string, fs: FileSystemPort = nodeFileSystem): void {
  confinedPath(root, file, 'write', fs);
}
