import { bundledPrinciplesDir } from '../core/principles/bundledLibrary';
import { loadPrinciples } from '../core/principles/loadPrinciples';
import type { PrincipleLibrary } from '../core/principles/mergeLibrary';
import { findTeamPrinciplesDir } from '../core/principles/teamPrinciples';

/** Bundled library + the nearest `.clinalign/principles` + folders given with `--principles`. */
export function loadCliLibrary(extraDirs: string[] = []): PrincipleLibrary {
  const team = findTeamPrinciplesDir(process.cwd());
  return loadPrinciples(bundledPrinciplesDir(), [...(team ? [team] : []), ...extraDirs]);
}

export function formatProblem(problem: { file: string; line: number; column: number; message: string }): string {
  return `${problem.file}:${problem.line + 1}:${problem.column + 1}: ${problem.message}`;
}
