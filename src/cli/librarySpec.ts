import type { LibrarySpec } from '../core/lint/lintWorkerProtocol';
import { bundledPrinciplesDir } from '../core/principles/bundledLibrary';
import { findTeamPrinciplesDir } from '../core/principles/teamPrinciples';
import { distinctLayers } from './distinctLayers';

export interface LibraryOptions {
  /** Extra principle folders or files (`--principles`). */
  principles: string[];
  /** false with `--no-bundled`: only the team folder and `--principles` are used. */
  bundled?: boolean;
}

/** The folders `loadCliLibrary` reads, for the lint worker to load the same library. */
export function cliLibrarySpec(options: LibraryOptions): LibrarySpec {
  const team = findTeamPrinciplesDir(process.cwd());
  const layers = distinctLayers([...(team ? [team] : []), ...options.principles]);
  return { bundledDir: options.bundled === false ? undefined : bundledPrinciplesDir(), layers };
}
