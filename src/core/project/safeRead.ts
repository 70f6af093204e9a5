import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { confinedPath, UnsafePathError } from './confinedPath';

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * The text of a project file (`.clinalign/history/…`, `.clinalign/grades/…`), or undefined when it does not
 * exist. Like writes, reads never follow a link nor leave `root`: a cloned repository could otherwise point
 * its history at a private file and have it shown in the panel or exported as a preference pair.
 */
export async function readProjectFile(root: string, file: string): Promise<string | undefined> {
  const path = confinedPath(root, file, 'read');
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'ELOOP') throw new UnsafePathError(path, `refusing to read through the symbolic link ${path}`);
    throw error;
  }
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
