import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * dist/lintWorker.js beside dist/cli.js; when the CLI runs from its TypeScript sources (tests under tsx), a
 * worker that registers tsx and loads src/lintWorker.ts.
 */
export function lintWorkerFile(): string | (() => Worker) {
  const bundled = join(__dirname, 'lintWorker.js');
  if (existsSync(bundled)) return bundled;
  const source = join(__dirname, '..', 'lintWorker.ts');
  const tsx = require.resolve('tsx/cjs');
  return () => new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { eval: true });
}
