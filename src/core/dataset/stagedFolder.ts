import { randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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
  ) {}

  /** `target` must exist (a real path); `names` are the files a previous run of this writer may have left in it. */
  static create(target: string, names: readonly string[]): StagedFolder {
    if (swappable(target, names)) {
      const beside = join(dirname(target), stagedName(target, 'export'));
      try {
        mkdirSync(beside);
        return new StagedFolder(target, beside, true);
      } catch (error) {
        if (!['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      }
    }
    const inside = join(target, stagedName(target, 'export'));
    mkdirSync(inside);
    return new StagedFolder(target, inside, false);
  }

  /** Moves the new set into place; `order` lists the files to move one by one when the folder cannot be swapped. */
  commit(order: readonly string[]): void {
    if (this.swap && this.swapFolders()) return;
    for (const name of order) {
      try {
        renameSync(join(this.path, name), join(this.target, name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    this.discard();
  }

  /** Removes the temporary folder; the target is untouched. */
  discard(): void {
    rmSync(this.path, { recursive: true, force: true });
  }

  /** False when the old folder could not be moved aside (busy, no permission): the caller moves files instead. */
  private swapFolders(): boolean {
    const aside = join(dirname(this.target), stagedName(this.target, 'replaced'));
    try {
      chmodSync(this.path, statSync(this.target).mode & 0o7777); // the new folder keeps the old one's permissions
    } catch {
      // Best effort: the folder is still replaced.
    }
    let moved = false;
    try {
      renameSync(this.target, aside);
      moved = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
    }
    try {
      renameSync(this.path, this.target);
    } catch (error) {
      if (moved) renameSync(aside, this.target);
      throw error;
    }
    if (moved) rmSync(aside, { recursive: true, force: true });
    return true;
  }
}

/** The target can be replaced as a whole: it holds only `names` (regular files), and moving it breaks nothing. */
function swappable(target: string, names: readonly string[]): boolean {
  const own = new Set(names);
  let entries;
  try {
    entries = readdirSync(target, { withFileTypes: true });
  } catch {
    return false;
  }
  if (!entries.every((entry) => entry.isFile() && own.has(entry.name))) return false;
  if (target === realOrSelf(process.cwd())) return false; // the shell would be left in a removed folder
  try {
    return lstatSync(target).dev === lstatSync(dirname(target)).dev; // a mount point cannot be renamed
  } catch {
    return false;
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
