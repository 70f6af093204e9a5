import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { bundledPrinciplesDir } from '../principles/bundledLibrary';
import { principleFilesIn } from '../principles/principleFiles';
import { INPUT_LIMITS } from '../untrusted/inputLimits';
import { readFileWithinLimit, unreadableMessage } from '../untrusted/readFileWithinLimit';
import { ConceptLexicon } from './conceptLexicon';
import { readConceptSnapshot } from './conceptSnapshot';
import { parseConceptFile, type ParsedConceptFile } from './parseConceptFile';

export const CONCEPTS_FOLDER = 'concepts';

/** The concept files of folders (each `*.yaml` in it), parsed; unreadable files are located problems. */
export function readConceptFiles(dirs: readonly string[], allowPatches: boolean): ParsedConceptFile[] {
  return dirs.flatMap(principleFilesIn).map((file) => {
    try {
      return parseConceptFile(file, readFileWithinLimit(file, INPUT_LIMITS.yamlFile, 'concept file'), allowPatches);
    } catch (error) {
      return {
        file,
        concepts: [],
        patches: [],
        problems: [{ file, line: 0, column: 0, message: unreadableMessage(error) }],
      };
    }
  });
}

/** The bundled concept folder, from its build snapshot when that matches the files. */
export function readBundledConcepts(bundledPrinciples: string): ParsedConceptFile[] {
  const dir = join(bundledPrinciples, CONCEPTS_FOLDER);
  const files = principleFilesIn(dir);
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  return readConceptSnapshot(dir, files, texts) ?? files.map((file, i) => parseConceptFile(file, texts[i]!, false));
}

/** The bundled concepts of a principle folder (`<principles>/concepts`) with team concept folders over them. */
export function loadLexicon(bundledPrinciples: string, teamConceptDirs: readonly string[] = []): ConceptLexicon {
  return new ConceptLexicon(readBundledConcepts(bundledPrinciples), readConceptFiles(teamConceptDirs, true));
}

/** Team concepts beside team principles: `.clinalign/concepts` for `.clinalign/principles`, else `<folder>/concepts`. */
export function teamConceptDirFor(principleDir: string): string {
  return basename(principleDir) === 'principles'
    ? join(dirname(principleDir), CONCEPTS_FOLDER)
    : join(principleDir, CONCEPTS_FOLDER);
}

let bundled: ConceptLexicon | undefined;

/** The bundled lexicon, loaded on first use; callers with a team library pass their own lexicon instead. */
export function bundledLexicon(): ConceptLexicon {
  return (bundled ??= loadLexicon(bundledPrinciplesDir()));
}
