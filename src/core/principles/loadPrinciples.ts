import { checkConceptReferences } from '../concepts/conceptReferences';
import { loadLexicon, teamConceptDirFor } from '../concepts/loadLexicon';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';
import { PatternPlans } from '../text/patternPlans';
import { INPUT_LIMITS } from '../untrusted/inputLimits';
import { readFileWithinLimit, unreadableMessage } from '../untrusted/readFileWithinLimit';
import { mergeLibrary, type PrincipleLibrary } from './mergeLibrary';
import { readPrincipleFolder } from './librarySnapshot';
import { parsePrincipleFile, type ParsedPrincipleFile } from './parsePrincipleFile';
import { listPrincipleFiles, principleFilesIn } from './principleFiles';

export { principleFilesIn };

export function parsePrincipleFiles(paths: string[], allowPatches: boolean, fs: FileSystemPort = nodeFileSystem): ParsedPrincipleFile[] {
  return paths.flatMap((path) => listPrincipleFiles(path, fs)).map((file) => {
    let text: string;
    try {
      text = readFileWithinLimit(file, INPUT_LIMITS.yamlFile, 'principle file', fs);
    } catch (error) {
      return { file, principles: [], patches: [], problems: [{ file, line: 0, column: 0, message: unreadableMessage(error) }] };
    }
    return parsePrincipleFile(file, text, allowPatches);
  });
}

/** The bundled library folder (or its build snapshot) plus team folders merged over it, with their concepts. */
export function loadPrinciples(bundledDir: string, teamDirs: string[] = []): PrincipleLibrary {
  const patternPlans = new PatternPlans();
  const library = mergeLibrary(readPrincipleFolder(bundledDir, nodeFileSystem, patternPlans), parsePrincipleFiles(teamDirs, true));
  const lexicon = loadLexicon(bundledDir, teamDirs.map(teamConceptDirFor));
  return { ...library, lexicon, patternPlans, problems: [...library.problems, ...lexicon.problems, ...checkConceptReferences(library.principles, lexicon)] };
}
