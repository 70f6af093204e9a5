import { dirname, relative, resolve, isAbsolute } from 'node:path';
import { findProjectFolder } from './findProjectFolder';
import { PROJECT_FOLDER } from './projectLayout';

/**
 * The project a case belongs to, where its `.clinalign/history/` and `.clinalign/grades/` go: the nearest
 * folder above the case holding `.clinalign/`, else the repository root (the nearest folder holding `.git`),
 * else `workFolder` (the editor's workspace folder, the CLI's working folder) when the case lies in it, else
 * the case's own folder. The editor and the CLI both ask here, and export finds a history by the same walk,
 * so a revision recorded by either is found by both.
 */
export function caseProjectRoot(caseFile: string, workFolder?: string): string {
  const folder = dirname(resolve(caseFile));
  return findProjectFolder(folder, PROJECT_FOLDER) ?? findProjectFolder(folder, '.git') ?? (workFolder && isWithin(folder, workFolder) ? resolve(workFolder) : folder);
}

function isWithin(folder: string, parent: string): boolean {
  const path = relative(resolve(parent), folder);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}
