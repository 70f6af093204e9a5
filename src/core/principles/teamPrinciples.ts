import { existsSync } from 'node:fs';
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
