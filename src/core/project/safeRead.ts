import { confinedPath, UnsafePathError } from './confinedPath';
import type { FileSystemPort } from './fileSystemPort';
import { nodeFileSystem } from './nodeFileSystem';

/**
 * The text of a project file (`.clinalign/history/…`, `.clinalign/grades/…`), or undefined when it does not
 * exist. Like writes, reads never follow a link nor leave `root`: a cloned repository could otherwise point
 * its history at a private file and have it shown in the panel or exported as a preference pair.
 */
export async function readProjectFile(
  root: string,
  file: string,
  fs: FileSystemPort = nodeFileSystem,
): Promise<string | undefined> {
  const path = confinedPath(root, file, 'read', fs);
  let handle;
  try {
    handle = await fs.promises.openNoFollow(path, 'read');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'ELOOP') throw new UnsafePathError(path, `refusing to read through the symbolic link ${path}`);
    throw error;
  }
  try {
    return await handle.readText();
  } finally {
    await handle.close();
  }
}
