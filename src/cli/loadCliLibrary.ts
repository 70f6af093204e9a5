import { compileLibrary, type CompiledLibrary } from '../core/lint/compileLibrary';
import { bundledPrinciplesDir } from '../core/principles/bundledLibrary';
import { loadPrinciples } from '../core/principles/loadPrinciples';
import type { PrincipleLibrary } from '../core/principles/mergeLibrary';
import { cliLibrarySpec, type LibraryOptions } from './librarySpec';

export { cliLibrarySpec, type LibraryOptions };

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
