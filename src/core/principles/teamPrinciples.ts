import { join } from 'node:path';
import type { FileSystemPort } from '../project/fileSystemPort';
import { findProjectFolder } from '../project/findProjectFolder';
import { nodeFileSystem } from '../project/nodeFileSystem';

import { TEAM_PRINCIPLES_FOLDER } from '../project/projectLayout';

export { TEAM_PRINCIPLES_FOLDER };

/** The nearest `.clinalign/principles` folder from `start` upwards, no higher than the repository root. */
export function findTeamPrinciplesDir(start: string, fs: FileSystemPort = nodeFileSystem): string | undefined {
  const project = findProjectFolder(start, TEAM_PRINCIPLES_FOLDER, fs);
  return project === undefined ? undefined : join(project, TEAM_PRINCIPLES_FOLDER);
}

/**
 * Names, sizes and modification times of the principle files in the folders: a change means the files
 * changed. Cheap enough to take every second or two, as a safety net for file watchers that miss events.
 */
export function principleFilesSignature(folders: readonly string[], fs: FileSystemPort = nodeFileSystem): string {
  const parts: string[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = fs.readdir(folder).filter((name) => /\.ya?ml$/i.test(name)).sort();
    } catch {
      parts.push(`${folder}:absent`);
      continue;
    }
    for (const name of names) {
      try {
        const stat = fs.stat(join(folder, name));
        parts.push(`${folder}/${name}:${stat.size}:${stat.mtimeMs}`);
      } catch {
        parts.push(`${folder}/${name}:gone`);
      }
    }
  }
  return parts.join('|');
}
