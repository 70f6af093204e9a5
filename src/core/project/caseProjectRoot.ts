import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { FileSystemPort } from './fileSystemPort';
import { findProjectFolder } from './findProjectFolder';
import { nodeFileSystem } from './nodeFileSystem';
import { PROJECT_FOLDER } from './projectLayout';

/**
 * The project a case belongs to, where its `.clinalign/history/` and `.clinalign/grades/` go: the nearest
 * folder above the case holding `.clinalign/`; else `workFolder` (the editor's workspace folder, the CLI's
 * working folder) when the case lies in it and it lies in the case's repository; else the repository root (the
 * nearest folder holding `.git`); else the case's own folder. Every choice is a folder that export's walk
 * upwards from the case reaches, so a revision recorded by the editor or the CLI is found by both.
 */
export function caseProjectRoot(caseFile: string, workFolder?: string, fs: FileSystemPort = nodeFileSystem): string {
  const folder = dirname(resolve(caseFile));
  const project = findProjectFolder(folder, PROJECT_FOLDER, fs);
  if (project) return project;
  const repository = findProjectFolder(folder, '.git', fs);
  if (workFolder && isWithin(folder, workFolder) && (!repository || isWithin(resolve(workFolder), repository)))
    return resolve(workFolder);
  return repository ?? folder;
}

function isWithin(folder: string, parent: string): boolean {
  const path = relative(resolve(parent), folder);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}
