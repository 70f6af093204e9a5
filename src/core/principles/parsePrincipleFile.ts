import { isMap, isSeq } from 'yaml';
import { INPUT_LIMITS, textSizeProblem } from '../untrusted/inputLimits';
import { YamlSource } from '../yaml/yamlSource';
import type { LoadProblem } from './loadProblem';
import type { Principle } from './principle';
import { principleFileSchema, principlePatchSchema, principleSchema } from './schema';

/** A team-file entry that changes a principle by id, kept with its location until merged. */
export interface PrinciplePatch {
  id: string;
  fields: Record<string, unknown>;
  location: Principle['location'];
  /** Re-validation of the merged principle reports here. */
  source: YamlSource;
  path: (string | number)[];
}

export interface ParsedPrincipleFile {
  file: string;
  /** Complete, valid principles. */
  principles: Principle[];
  /** Partial entries (team files only): overrides or `disabled: true` for an id defined elsewhere. */
  patches: PrinciplePatch[];
  problems: LoadProblem[];
}

/**
 * Parses one principle YAML file. Each entry is validated on its own, so one broken principle is reported
 * at its line while the others load. `allowPatches` (team files) lets incomplete entries through as patches.
 */
export function parsePrincipleFile(file: string, text: string, allowPatches: boolean): ParsedPrincipleFile {
  const result: ParsedPrincipleFile = { file, principles: [], patches: [], problems: [] };
  const tooLarge = textSizeProblem('principle file', text, INPUT_LIMITS.yamlFile);
  if (tooLarge) return { ...result, problems: [{ file, line: 0, column: 0, message: tooLarge }] };
  const source = new YamlSource(text);
  const problem = (p: Omit<LoadProblem, 'file'>) => result.problems.push({ file, ...p });
  source.syntaxProblems().forEach(problem);
  if (result.problems.length > 0) return result;
  const json = source.toJS();
  if ('problem' in json) return { ...result, problems: [{ file, ...json.problem }] };

  const top = principleFileSchema.safeParse(json.value ?? {});
  if (!top.success) {
    source.zodProblems(top.error).forEach(problem);
    return result;
  }
  const items = source.document.get('principles', true);
  top.data.principles.forEach((raw, index) => {
    const path = ['principles', index];
    const node = isSeq(items) ? items.items[index] : undefined;
    const start = source.positionOf(isMap(node) && node.range ? node.range[0] : 0);
    const location = { file, line: start.line, column: start.column };
    const full = principleSchema.safeParse(raw);
    if (full.success) {
      result.principles.push({ ...full.data, location });
      return;
    }
    const patch = allowPatches ? principlePatchSchema.safeParse(raw) : undefined;
    if (patch?.success && !looksComplete(raw)) {
      const { id, ...fields } = patch.data;
      result.patches.push({ id, fields, location, source, path });
      return;
    }
    source.zodProblems(full.error, path).forEach(problem);
  });
  return result;
}

/** An entry with a title and statement is meant as a new principle, so its schema errors are reported as such. */
function looksComplete(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && 'title' in raw && 'statement' in raw;
}
