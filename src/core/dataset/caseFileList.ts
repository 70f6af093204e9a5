import { join, relative, resolve, sep } from 'node:path';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);

export interface ListedCaseFile {
  /** Absolute path. */
  file: string;
  /** Relative to the folder it was found under (the file name for a file given directly); `/`-separated. */
  shown: string;
}

/**
 * The Markdown files under `paths`, sorted by path so that output order never depends on the file system.
 * Only paths are held in memory. Files under `exclude` (the export folder) are left out.
 */
export function listCaseFiles(
  paths: readonly string[],
  exclude?: string,
  fs: FileSystemPort = nodeFileSystem,
): ListedCaseFile[] {
  const excluded = exclude ? resolve(exclude) : undefined;
  const found = new Map<string, ListedCaseFile>();
  for (const path of paths) {
    if (!fs.exists(path)) throw new Error(`no such file or folder: ${path}`);
    const root = resolve(path);
    if (fs.stat(root).isDirectory()) walk(fs, root, root, excluded, found);
    else found.set(root, { file: root, shown: root.split(sep).pop()! });
  }
  return [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function walk(
  fs: FileSystemPort,
  root: string,
  dir: string,
  excluded: string | undefined,
  found: Map<string, ListedCaseFile>,
): void {
  if (excluded && (dir === excluded || dir.startsWith(excluded + sep))) return;
  for (const entry of fs.readdirEntries(dir)) {
    if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(fs, root, full, excluded, found);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && !found.has(full)) {
      found.set(full, { file: full, shown: relative(root, full).split(sep).join('/') });
    }
  }
}
