import type { Finding } from './finding';
import type { LintInput } from './lintAnswer';

/** Which library the lint worker compiles: the bundled folder (or none) and the team layers on top. */
export interface LibrarySpec {
  bundledDir: string | undefined;
  layers: string[];
  /**
   * Build the concept phrase index as soon as the library loads (the editor, so its first lint of an
   * emergency question does not pay for it). Otherwise it is built by the first lint that reads concept
   * mentions, and a `clinalign lint` run that needs none (most) never builds it.
   */
  prebuildPhraseIndex?: boolean;
}

export type ToLintWorker = { type: 'library'; spec: LibrarySpec } | { type: 'lint'; id: number; input: LintInput };

export type FromLintWorker =
  { type: 'findings'; id: number; findings: Finding[] } | { type: 'failed'; id: number; message: string };
