import type { ConceptLexicon } from '../concepts/conceptLexicon';
import type { PatternPlans } from '../text/patternPlans';
import type { LoadProblem } from './loadProblem';
import type { ParsedPrincipleFile } from './parsePrincipleFile';
import type { Principle } from './principle';
import { principleSchema } from './schema';

export interface PrincipleLibrary {
  principles: Principle[];
  problems: LoadProblem[];
  /** The concept lexicon loaded with the principles (bundled + team); the bundled one when absent. */
  lexicon?: ConceptLexicon;
  /** What is known of its patterns (from the build snapshot): compileLibrary takes it. */
  patternPlans?: PatternPlans;
}

/**
 * The bundled files, then the team's: a team principle with a new id is added, one with a bundled id
 * replaces it, a partial entry overrides fields of it (`disabled: true` switches it off).
 * Duplicate ids inside one layer are reported and the first definition kept.
 */
export function mergeLibrary(bundled: ParsedPrincipleFile[], team: ParsedPrincipleFile[] = []): PrincipleLibrary {
  const byId = new Map<string, Principle>();
  const problems: LoadProblem[] = [];
  const addLayer = (files: ParsedPrincipleFile[], overriding: boolean) => {
    const seenInLayer = new Map<string, Principle>();
    for (const file of files) {
      problems.push(...file.problems);
      for (const principle of file.principles) {
        const earlier = seenInLayer.get(principle.id);
        if (earlier) {
          problems.push({
            ...principle.location,
            message: `duplicate principle id "${principle.id}" (first defined at ${earlier.location.file}:${earlier.location.line + 1})`,
          });
          continue;
        }
        seenInLayer.set(principle.id, principle);
        const replaced = byId.get(principle.id);
        byId.set(principle.id, overriding && replaced ? { ...principle, overriddenBy: principle.location } : principle);
      }
    }
    for (const file of files) {
      for (const patch of file.patches) {
        const base = byId.get(patch.id);
        if (!base) {
          problems.push({ ...patch.location, message: `no principle "${patch.id}" to override; a new principle needs every field` });
          continue;
        }
        const { location, overriddenBy: _previous, ...data } = base;
        const merged = principleSchema.safeParse({ ...data, ...patch.fields });
        if (!merged.success) {
          problems.push(...patch.source.zodProblems(merged.error, patch.path).map((p) => ({ file: file.file, ...p })));
          continue;
        }
        byId.set(patch.id, { ...merged.data, location, overriddenBy: patch.location });
      }
    }
  };
  addLayer(bundled, false);
  addLayer(team, true);
  return { principles: [...byId.values()], problems };
}
