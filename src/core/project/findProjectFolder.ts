import { dirname, join, resolve } from 'node:path';
import type { FileSystemPort } from './fileSystemPort';
import { nodeFileSystem } from './nodeFileSystem';

/**
 * The nearest folder, from `start` upwards, that holds `relativePath`. The search stops at the repository
 * root (the first folder holding `.git`, a folder or a worktree's file) or at the filesystem root: a folder
 * above the repository belongs to someone else, so its `.clinalign/` files must not steer this project.
 */
export function findProjectFolder(
  start: string,
  relativePath: string,
  fs: FileSystemPort = nodeFileSystem,
): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (fs.exists(join(dir, relativePath))) return dir;
    if (fs.exists(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}
