import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The bundled `principles/` folder: next to `dist/` in the built extension and CLI, at the repository root
 * when running from sources.
 */
export function bundledPrinciplesDir(fromDir: string = __dirname): string {
  for (let dir = fromDir, i = 0; i < 5; i++, dir = join(dir, '..')) {
    const candidate = join(dir, 'principles');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
  }
  return join(fromDir, '..', 'principles');
}

/**
 * Whether `dir` is the bundled principle folder or its concept folder. Only these may be read from a build
 * snapshot: a snapshot beside a team folder would come from the repository and could skip every check.
 */
export function isBundledFolder(dir: string): boolean {
  const bundled = resolve(bundledPrinciplesDir());
  return resolve(dir) === bundled || resolve(dir) === join(bundled, 'concepts');
}
