import { findProjectFolder } from '../core/project/findProjectFolder';
import { PROJECT_FOLDER } from '../core/project/projectLayout';

/**
 * The folder that CLI writes to case files are confined to: the project (the nearest folder with
 * `.clinalign/`), else the repository (the nearest folder with `.git`), else the working folder. A case
 * whose real path lies outside it — reached through a symbolic link — is not written.
 */
export function caseWriteRoot(cwd = process.cwd()): string {
  return findProjectFolder(cwd, PROJECT_FOLDER) ?? findProjectFolder(cwd, '.git') ?? cwd;
}
