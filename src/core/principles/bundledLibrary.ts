import { join, resolve } from 'node:path';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';

/**
 * The bundled `principles/` folder: next to `dist/` in the built extension and CLI, at the repository root
 * when running from sources.
 */
export function bundledPrinciplesDir(fromDir: string = __dirname, fs: FileSystemPort = nodeFileSystem): string {
  for (let dir = fromDir, i = 0; i < 5; i++, dir = join(dir, '..')) {
    const candidate = join(dir, 'principles');
    if (fs.exists(join(dir, 'package.json')) && fs.exists(candidate)) return candidate;
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
