import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { confinedPath, UnsafePathError } from './confinedPath';
import type { FileSystemPort } from './fileSystemPort';
import { nodeFileSystem } from './nodeFileSystem';

/**
 * Appends `text` to a project file (`.clinalign/history/…`, `.clinalign/grades/…`), creating its folders.
 * Refuses links and paths outside `root` (see confinedPath); the open itself does not follow a link either,
 * so one swapped in after the check is refused too.
 */
export async function appendProjectFile(
  root: string,
  file: string,
  text: string,
  fs: FileSystemPort = nodeFileSystem,
): Promise<void> {
  const path = confinedPath(root, file, 'write', fs);
  await fs.promises.mkdir(dirname(path), { recursive: true });
  confinedPath(root, file, 'write', fs); // a folder created meanwhile by someone else could be a link
  const handle = await openNoFollow(fs, path);
  try {
    await handle.write(text);
  } finally {
    await handle.close();
  }
}

/**
 * Replaces a project file (a case) in one step: the text goes to a temporary file beside it, which is
 * renamed over it — a rename replaces a link instead of following it, and a crash never leaves half a case.
 * The file keeps its permissions.
 */
export async function replaceProjectFile(
  root: string,
  file: string,
  text: string,
  fs: FileSystemPort = nodeFileSystem,
): Promise<void> {
  const path = confinedPath(root, file, 'write', fs);
  const mode = await fs.promises.lstat(path).then(
    (stats) => stats.mode & 0o7777,
    () => undefined,
  );
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.promises.writeFile(temp, text, { exclusive: true });
    if (mode !== undefined) await fs.promises.chmod(temp, mode);
    await fs.promises.rename(temp, path);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

/** Writes a new project file; false (nothing written) when the file exists. Never writes through a link. */
export async function createProjectFile(
  root: string,
  file: string,
  text: string,
  fs: FileSystemPort = nodeFileSystem,
): Promise<boolean> {
  const path = confinedPath(root, file, 'write', fs);
  try {
    // O_EXCL fails on any existing name, a link included.
    await fs.promises.writeFile(path, text, { exclusive: true });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function openNoFollow(fs: FileSystemPort, path: string) {
  try {
    return await fs.promises.openNoFollow(path, 'append');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP')
      throw new UnsafePathError(path, `refusing to write through the symbolic link ${path}`);
    throw error;
  }
}
