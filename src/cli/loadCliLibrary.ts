import { compileLibrary, type CompiledLibrary } from '../core/lint/compileLibrary';
import { bundledPrinciplesDir } from '../core/principles/bundledLibrary';
import { loadPrinciples } from '../core/principles/loadPrinciples';
import type { LibrarySpec } from '../core/lint/lintWorkerProtocol';
import type { PrincipleLibrary } from '../core/principles/mergeLibrary';
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

/** Bundled library + the nearest `.clinalign/principles` + folders given with `--principles`. */
export function loadCliLibrary(options: LibraryOptions): PrincipleLibrary {
  const { layers } = cliLibrarySpec(options);
  if (options.bundled === false) {
    const [first, ...rest] = layers;
    return first ? loadPrinciples(first, rest) : { principles: [], problems: [] };
  }
  return loadPrinciples(bundledPrinciplesDir(), layers);
}

export function formatProblem(problem: { file: string; line: number; column: number; message: string }): string {
  return `${problem.file}:${problem.line + 1}:${problem.column + 1}: ${problem.message}`;
}

/** The compiled library for cases, loaded when a case first needs it (grading reads no principles). */
export function lazyCaseLibrary(options: LibraryOptions = { principles: [] }): () => CompiledLibrary {
  let compiled: CompiledLibrary | undefined;
  return () => {
    if (!compiled) {
      const library = loadCliLibrary(options);
      compiled = compileLibrary(library.principles, library.lexicon, library.patternPlans);
    }
    return compiled;
  };
}
