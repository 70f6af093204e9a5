import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FileSystemPort } from './fileSystemPort';
import { nodeFileSystem } from './nodeFileSystem';

/** A project file that ClinAlign will not touch: it sits behind a symbolic link or outside the project. */
export class UnsafePathError extends Error {
  /** `path` is the offending part: the link, or the file outside the project. */
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnsafePathError';
  }
}

/**
 * `file` (absolute, or relative to `root`) checked before ClinAlign reads or writes it as project state: it
 * must lie inside `root`, and no existing part of the path below `root` may be a symbolic link (lstat, never
 * followed) — a cloned repository can point `.clinalign/`, `history/` or a file at anything, `~/.bashrc`
 * included. An existing file must be a regular file (a FIFO would hang a write). Returns the path under the
 * real project folder; throws UnsafePathError naming the offending path.
 */
export function confinedPath(
  root: string,
  file: string,
  action: 'write' | 'read' = 'write',
  fs: FileSystemPort = nodeFileSystem,
): string {
  const base = resolve(root);
  const realBase = realOrSelf(base, fs);
  const target = resolve(base, file);
  const rel = inside(base, target) ?? inside(realBase, target);
  if (rel === undefined)
    throw new UnsafePathError(target, `refusing to ${action} ${target}: it is outside the project folder ${realBase}`);
  const parts = rel.split(sep);
  let current = realBase;
  for (const [index, part] of parts.entries()) {
    current = join(current, part);
    let stats;
    try {
      stats = fs.lstat(current);
    } catch (error) {
      if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) break; // the rest will be created
      throw error;
    }
    const last = index === parts.length - 1;
    if (stats.isSymbolicLink()) {
      const what = last ? `through the symbolic link ${current}` : `${target}: ${current} is a symbolic link`;
      throw new UnsafePathError(
        current,
        `refusing to ${action} ${what} (ClinAlign never follows links inside a project; replace it with a real ${last ? 'file' : 'folder'})`,
      );
    }
    if (!last && !stats.isDirectory())
      throw new UnsafePathError(current, `refusing to ${action} ${target}: ${current} is not a folder`);
    if (last && !stats.isFile())
      throw new UnsafePathError(current, `refusing to ${action} ${target}: it is not a regular file`);
  }
  return join(realBase, rel);
}

/** `target` relative to `folder` when strictly inside it. */
function inside(folder: string, target: string): string | undefined {
  const rel = relative(folder, target);
  return rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? undefined : rel;
}

function realOrSelf(path: string, fs: FileSystemPort): string {
  try {
    return fs.realpath(path);
  } catch {
    return path;
  }
}
