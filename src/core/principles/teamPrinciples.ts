import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const TEAM_PRINCIPLES_FOLDER = join('.clinalign', 'principles');

/** The nearest `.clinalign/principles` folder from `start` upwards (as git finds `.git`), if any. */
export function findTeamPrinciplesDir(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, TEAM_PRINCIPLES_FOLDER);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Names, sizes and modification times of the principle files in the folders: a change means the files
 * changed. Cheap enough to take every second or two, as a safety net for file watchers that miss events.
 */
export function principleFilesSignature(folders: readonly string[]): string {
  const parts: string[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder).filter((name) => /\.ya?ml$/i.test(name)).sort();
    } catch {
      parts.push(`${folder}:absent`);
      continue;
    }
    for (const name of names) {
      try {
        const stat = statSync(join(folder, name));
        parts.push(`${folder}/${name}:${stat.size}:${stat.mtimeMs}`);
      } catch {
        parts.push(`${folder}/${name}:gone`);
      }
    }
  }
  return parts.join('|');
}
