import { existsSync } from 'node:fs';
import { join } from 'node:path';

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
