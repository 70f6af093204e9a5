import { isMap, isSeq } from 'yaml';
import type { LoadProblem } from '../principles/loadProblem';
import { INPUT_LIMITS, textSizeProblem } from '../untrusted/inputLimits';
import { YamlSource } from '../yaml/yamlSource';
import {
  conceptFileSchema,
  conceptPatchSchema,
  conceptSchema,
  contextRulesSchema,
  type ConceptData,
  type ContextRulesData,
} from './conceptSchema';

export interface ConceptLocation {
  file: string;
  /** 0-based. */
  line: number;
  column: number;
}

export type LocatedConcept = ConceptData & { location: ConceptLocation };
export type ConceptPatch = Pick<ConceptData, 'id' | 'terms' | 'combos' | 'examples'> & { location: ConceptLocation };

export interface ParsedConceptFile {
  file: string;
  concepts: LocatedConcept[];
  /** Team entries that add terms to a concept by id. */
  patches: ConceptPatch[];
  context?: ContextRulesData;
  problems: LoadProblem[];
}

/** One concept file; each entry is checked on its own, so one broken entry is reported while the rest load. */
export function parseConceptFile(file: string, text: string, allowPatches: boolean): ParsedConceptFile {
  const result: ParsedConceptFile = { file, concepts: [], patches: [], problems: [] };
  const tooLarge = textSizeProblem('concept file', text, INPUT_LIMITS.yamlFile);
  if (tooLarge) return { ...result, problems: [{ file, line: 0, column: 0, message: tooLarge }] };
  const source = new YamlSource(text);
  const problem = (p: Omit<LoadProblem, 'file'>) => result.problems.push({ file, ...p });
  source.syntaxProblems().forEach(problem);
  if (result.problems.length > 0) return result;
  unquotedNumberSteps(text).forEach(problem);
  const json = source.toJS();
  if ('problem' in json) {
    problem(json.problem);
    return result;
  }
  const top = conceptFileSchema.safeParse(json.value ?? {});
  if (!top.success) {
    source.zodProblems(top.error).forEach(problem);
    return result;
  }
  if (top.data.context !== undefined) {
    const context = contextRulesSchema.safeParse(top.data.context);
    if (context.success) result.context = context.data;
    else source.zodProblems(context.error, ['context']).forEach(problem);
  }
  const items = source.document.get('concepts', true);
  (top.data.concepts ?? []).forEach((raw, index) => {
    const path = ['concepts', index];
    const node = isSeq(items) ? items.items[index] : undefined;
    const start = source.positionOf(isMap(node) && node.range ? node.range[0] : 0);
    const location = { file, line: start.line, column: start.column };
    const full = conceptSchema.safeParse(raw);
    if (full.success) {
      result.concepts.push({ ...full.data, location });
      return;
    }
    const isPartial = typeof raw === 'object' && raw !== null && !('kind' in raw);
    const patch = allowPatches && isPartial ? conceptPatchSchema.safeParse(raw) : undefined;
    if (patch?.success) {
      result.patches.push({ ...patch.data, location });
      return;
    }
    source.zodProblems(patch && !patch.success ? patch.error : full.error, path).forEach(problem);
  });
  return result;
}

/** `- born #0-12 weeks ago` unquoted: YAML reads `#0-12…` as a comment and the term silently shrinks to "born". */
function unquotedNumberSteps(text: string): Omit<LoadProblem, 'file'>[] {
  const problems: Omit<LoadProblem, 'file'>[] = [];
  text.split('\n').forEach((line, index) => {
    const at = line.search(/\s#\d+(?:\.\d+)?-\d/);
    if (at < 0 || /^\s*#/.test(line)) return;
    const before = line.slice(0, at);
    const quotes = (before.match(/["']/g) ?? []).length;
    if (quotes % 2 === 0)
      problems.push({
        line: index,
        column: at + 1,
        message: 'YAML reads `#` after a space as a comment: write the number step as <0-12>, or quote the term',
      });
  });
  return problems;
}
