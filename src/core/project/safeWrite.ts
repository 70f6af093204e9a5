import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, lstat, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { confinedPath, UnsafePathError } from './confinedPath';

/** Opening the last part of a path never follows a link (0 where the platform has no such flag: Windows). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Appends `text` to a project file (`.clinalign/history/…`, `.clinalign/grades/…`), creating its folders.
 * Refuses links and paths outside `root` (see confinedPath); the open itself does not follow a link either,
 * so one swapped in after the check is refused too.
 */
export async function appendProjectFile(root: string, file: string, text: string): Promise<void> {
  const path = confinedPath(root, file);
  await mkdir(dirname(path), { recursive: true });
  confinedPath(root, file); // a folder created meanwhile by someone else could be a link
  const handle = await openNoFollow(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

/**
 * Replaces a project file (a case) in one step: the text goes to a temporary file beside it, which is
 * renamed over it — a rename replaces a link instead of following it, and a crash never leaves half a case.
 * The file keeps its permissions.
 */
export async function replaceProjectFile(root: string, file: string, text: string): Promise<void> {
  const path = confinedPath(root, file);
  const mode = await lstat(path).then(
    (stats) => stats.mode & 0o7777,
    () => undefined,
  );
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes a new project file; false (nothing written) when the file exists. Never writes through a link. */
export async function createProjectFile(root: string, file: string, text: string): Promise<boolean> {
  const path = confinedPath(root, file);
  try {
    // O_EXCL fails on any existing name, a link included.
    await writeFile(path, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function openNoFollow(path: string, flags: number) {
  try {
    return await open(path, flags | NO_FOLLOW, 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP')
      throw new UnsafePathError(path, `refusing to write through the symbolic link ${path}`);
    throw error;
  }
}
