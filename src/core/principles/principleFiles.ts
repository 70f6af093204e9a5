import { join, resolve } from 'node:path';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';

/**
 * `*.yaml` / `*.yml` files of a folder (sorted, so merge order is stable), or the file itself. One argument,
 * so it can be passed to `flatMap`; listPrincipleFiles takes the file system.
 */
export function principleFilesIn(path: string): string[] {
  return listPrincipleFiles(path, nodeFileSystem);
}

/** principleFilesIn on a given file system. */
export function listPrincipleFiles(path: string, fs: FileSystemPort): string[] {
  if (!fs.exists(path)) return [];
  if (!fs.stat(path).isDirectory()) return [resolve(path)];
  return fs
    .readdir(path)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => resolve(join(path, name)));
}
