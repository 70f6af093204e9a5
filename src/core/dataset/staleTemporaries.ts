import { dirname, join } from 'node:path';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';
import { parseStagedName, type StagedNameParts } from './stagedFolder';

/** A temporary of a live process is left alone unless it has not changed for this long (a reused pid). */
export const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * Cleans up after runs that were killed while writing `target`: staged folders beside it or inside it are
 * removed; an old set moved aside is put back when the target is missing or empty (the run died between the
 * two renames of a swap), else removed; and per-file temporaries `.<name>.<pid>.<ms>.tmp` of the given `names`
 * inside the target (left by earlier versions) are removed. Only names that are clearly ClinAlign's are
 * touched, and only when the process that made them is gone or they have not changed for an hour.
 */
export function cleanStaleTemporaries(
  target: string,
  names: readonly string[],
  fs: FileSystemPort = nodeFileSystem,
): void {
  const found = [
    ...(entriesOf(fs, dirname(target)) ?? []).map((name) => ({
      path: join(dirname(target), name),
      parts: parseStagedName(name, target),
    })),
    ...(entriesOf(fs, target) ?? []).map((name) => ({
      path: join(target, name),
      parts: parseStagedName(name, target) ?? perFileTemporary(name, names),
    })),
  ].filter(
    (entry): entry is { path: string; parts: StagedNameParts } =>
      entry.parts !== undefined && isStale(fs, entry.parts.pid, entry.path),
  );
  // The newest set moved aside is the one to put back.
  for (const { path, parts } of found.sort((a, b) => b.parts.time - a.parts.time)) {
    if (parts.kind === 'replaced' && dirname(path) === dirname(target) && restore(fs, path, target)) continue;
    fs.rm(path, { recursive: true, force: true });
  }
}

/** Puts a set moved aside back in place of a missing or empty target. */
function restore(fs: FileSystemPort, aside: string, target: string): boolean {
  const left = entriesOf(fs, target);
  if (left !== undefined && left.length > 0) return false;
  if (left !== undefined) fs.rmdir(target);
  fs.rename(aside, target);
  return true;
}

/** `.healthbench.jsonl.1234.1700000000000.tmp` for one of `names`: the AtomicFile temporaries of older exports. */
function perFileTemporary(name: string, names: readonly string[]): StagedNameParts | undefined {
  const match = /^\.(.+)\.(\d+)\.(\d+)\.tmp$/.exec(name);
  return match && names.includes(match[1]!)
    ? { kind: 'export', pid: Number(match[2]), time: Number(match[3]) }
    : undefined;
}

function isStale(fs: FileSystemPort, pid: number, path: string): boolean {
  return !isAlive(pid) || Date.now() - lastChange(fs, path) > STALE_AFTER_MS;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0); // signal 0 only checks that the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, but belongs to someone else
  }
}

/** The newest change to a temporary: a folder being written changes through its files, not its own time. */
function lastChange(fs: FileSystemPort, path: string): number {
  const times = [path, ...(entriesOf(fs, path) ?? []).map((name) => join(path, name))].map((p) => {
    try {
      return fs.lstat(p).mtimeMs;
    } catch {
      return 0;
    }
  });
  return Math.max(...times);
}

/** The names in a folder; undefined when it does not exist or cannot be read. */
function entriesOf(fs: FileSystemPort, folder: string): string[] | undefined {
  try {
    return fs.readdir(folder);
  } catch {
    return undefined;
  }
}
