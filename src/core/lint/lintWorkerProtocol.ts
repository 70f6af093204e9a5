import type { Finding } from './finding';
import type { LintInput } from './lintAnswer';

/** Which library the lint worker compiles: the bundled folder (or none) and the team layers on top. */
export interface LibrarySpec {
  bundledDir: string | undefined;
  layers: string[];
}

export type ToLintWorker = { type: 'library'; spec: LibrarySpec } | { type: 'lint'; id: number; input: LintInput };

export type FromLintWorker =
  { type: 'findings'; id: number; findings: Finding[] } | { type: 'failed'; id: number; message: string };
