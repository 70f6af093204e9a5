import { checkConceptReferences } from '../concepts/conceptReferences';
import { join } from 'node:path';
import { ConceptLexicon } from '../concepts/conceptLexicon';
import { bundledPhraseIndex } from '../concepts/conceptSnapshot';
import { readBundledConcepts, readConceptFiles, teamConceptDirFor } from '../concepts/loadLexicon';
import type { ParsedConceptFile } from '../concepts/parseConceptFile';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';
import { PatternPlans } from '../text/patternPlans';
import { INPUT_LIMITS } from '../untrusted/inputLimits';
import { readFileWithinLimit, unreadableMessage } from '../untrusted/readFileWithinLimit';
import type { LoadProblem } from './loadProblem';
import { readPrincipleFolder } from './librarySnapshot';
import { listPrincipleFiles } from './principleFiles';
import { mergeLibrary, type PrincipleLibrary } from './mergeLibrary';
import { parsePrincipleFile, type ParsedPrincipleFile } from './parsePrincipleFile';

/**
 * Loads bundled + team principle files for a long-running host (the editor). A team file that breaks keeps
 * its last good contents in use while its problems are reported, so one bad keystroke in a YAML file does
 * not switch a team's overrides off.
 */
export class PrincipleLibraryLoader {
  private readonly lastGood = new Map<string, ParsedPrincipleFile>();
  private bundled: ParsedPrincipleFile[] | undefined;
  private bundledConcepts: ParsedConceptFile[] | undefined;
  /** Kept across reloads: a team edit re-plans only the patterns it changed. */
  private readonly patternPlans = new PatternPlans();

  constructor(
    private readonly bundledDir: string,
    private readonly fs: FileSystemPort = nodeFileSystem,
  ) {}

  load(teamPaths: string[], readText: (file: string) => string = (file) => readFileWithinLimit(file, INPUT_LIMITS.yamlFile, 'principle file', this.fs)): PrincipleLibrary & { brokenFiles: Set<string> } {
    this.bundled ??= readPrincipleFolder(this.bundledDir, this.fs, this.patternPlans);
    const brokenFiles = new Set<string>();
    const team = teamPaths.flatMap((path) => listPrincipleFiles(path, this.fs)).map((file) => {
      let parsed: ParsedPrincipleFile;
      try {
        parsed = parsePrincipleFile(file, readText(file), true);
      } catch (error) {
        const problem: LoadProblem = { file, line: 0, column: 0, message: unreadableMessage(error) };
        parsed = { file, principles: [], patches: [], problems: [problem] };
      }
      if (parsed.problems.length === 0) {
        this.lastGood.set(file, parsed);
        return parsed;
      }
      brokenFiles.add(file);
      const previous = this.lastGood.get(file);
      return previous ? { ...previous, problems: parsed.problems } : parsed;
    });
    const merged = mergeLibrary(this.bundled, team);
    this.bundledConcepts ??= readBundledConcepts(this.bundledDir);
    const teamConcepts = readConceptFiles(teamPaths.map(teamConceptDirFor), true);
    // The build's phrase index of the bundled terms, when no team concept file adds terms of its own.
    const prebuilt = teamConcepts.length === 0 ? bundledPhraseIndex(join(this.bundledDir, 'concepts'), this.fs) : undefined;
    const lexicon = new ConceptLexicon(this.bundledConcepts, teamConcepts, prebuilt);
    const library = { ...merged, lexicon, problems: [...merged.problems, ...lexicon.problems, ...checkConceptReferences(merged.principles, lexicon)] };
    for (const problem of library.problems) brokenFiles.add(problem.file);
    return { ...library, patternPlans: this.patternPlans, brokenFiles };
  }
}

