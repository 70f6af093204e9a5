import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';

/** What a temporary folder beside a target holds: the new set being written, or the old set moved aside. */
export type StagedKind = 'export' | 'replaced';

export interface StagedNameParts {
  kind: StagedKind;
  pid: number;
  /** When it was made (ms since the epoch). */
  time: number;
}

/** `.<target name>.clinalign-<kind>-<pid>-<ms>-<hex>`: hidden, clearly ClinAlign's, and naming its process. */
export function stagedName(target: string, kind: StagedKind): string {
  return `.${basename(target)}.clinalign-${kind}-${process.pid}-${Date.now()}-${randomBytes(4).toString('hex')}`;
}

/** The parts of a name made by stagedName for `target`; undefined for any other name. */
export function parseStagedName(name: string, target: string): StagedNameParts | undefined {
  const prefix = `.${basename(target)}.clinalign-`;
  if (!name.startsWith(prefix)) return undefined;
  const match = /^(export|replaced)-(\d+)-(\d+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length));
  return match ? { kind: match[1] as StagedKind, pid: Number(match[2]), time: Number(match[3]) } : undefined;
}

/**
 * A folder's new set of files, written into a temporary folder and moved into place in one step, so a reader
 * (or a crash, or Ctrl+C) sees the old set or the new one, never a mix:
 *
 * - when the target holds nothing but files this writer owns (`names`), the new set is built beside it and
 *   swapped in by renaming folders: the old folder is moved aside, the new one renamed into its place, the old
 *   one removed. A run killed between the two renames leaves the old set aside, and the next run puts it back
 *   (cleanStaleTemporaries).
 * - when the target also holds other things (cases, a `.git`), is the working folder or a mount point, or its
 *   parent is not writable, those must stay: the set is built in a temporary folder inside the target and its
 *   files are renamed into place one by one, in the order given (the manifest last).
 */
export class StagedFolder {
  private constructor(
    readonly target: string,
    readonly path: string,
    private readonly swap: boolean,
    private readonly fs: FileSystemPort,
  ) {}

  /** `target` must exist (a real path); `names` are the files a previous run of this writer may have left in it. */
  static create(target: string, names: readonly string[], fs: FileSystemPort = nodeFileSystem): StagedFolder {
    if (swappable(fs, target, names)) {
      const beside = join(dirname(target), stagedName(target, 'export'));
      try {
        fs.mkdir(beside);
        return new StagedFolder(target, beside, true, fs);
      } catch (error) {
        if (!['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      }
    }
    const inside = join(target, stagedName(target, 'export'));
    fs.mkdir(inside);
    return new StagedFolder(target, inside, false, fs);
  }

  /** Moves the new set into place; `order` lists the files to move one by one when the folder cannot be swapped. */
  commit(order: readonly string[]): void {
    if (this.swap && this.swapFolders()) return;
    for (const name of order) {
      try {
        this.fs.rename(join(this.path, name), join(this.target, name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    this.discard();
  }

  /** Removes the temporary folder; the target is untouched. */
  discard(): void {
    this.fs.rm(this.path, { recursive: true, force: true });
  }

  /** False when the old folder could not be moved aside (busy, no permission): the caller moves files instead. */
  private swapFolders(): boolean {
    const aside = join(dirname(this.target), stagedName(this.target, 'replaced'));
    try {
      this.fs.chmod(this.path, this.fs.stat(this.target).mode & 0o7777); // the new folder keeps the old one's permissions
    } catch {
      // Best effort: the folder is still replaced.
    }
    let moved = false;
    try {
      this.fs.rename(this.target, aside);
      moved = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
    }
    try {
      this.fs.rename(this.path, this.target);
    } catch (error) {
      if (moved) this.fs.rename(aside, this.target);
      throw error;
    }
    if (moved) this.fs.rm(aside, { recursive: true, force: true });
    return true;
  }
}

/** The target can be replaced as a whole: it holds only `names` (regular files), and moving it breaks nothing. */
function swappable(fs: FileSystemPort, target: string, names: readonly string[]): boolean {
  const own = new Set(names);
  let entries;
  try {
    entries = fs.readdirEntries(target);
  } catch {
    return false;
  }
  if (!entries.every((entry) => entry.isFile() && own.has(entry.name))) return false;
  if (target === realOrSelf(fs, process.cwd())) return false; // the shell would be left in a removed folder
  try {
    return fs.lstat(target).dev === fs.lstat(dirname(target)).dev; // a mount point cannot be renamed
  } catch {
    return false;
  }
}

function realOrSelf(fs: FileSystemPort, path: string): string {
  try {
    return fs.realpath(path);
  } catch {
    return path;
  }
}
