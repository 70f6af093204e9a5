import { basename, dirname, join } from 'node:path';
import { bundledPrinciplesDir } from '../principles/bundledLibrary';
import { listPrincipleFiles } from '../principles/principleFiles';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';
import { INPUT_LIMITS } from '../untrusted/inputLimits';
import { readFileWithinLimit, unreadableMessage } from '../untrusted/readFileWithinLimit';
import { ConceptLexicon } from './conceptLexicon';
import { BUILD_ID, bundledPhraseIndex, readConceptSnapshot } from './conceptSnapshot';
import { parseConceptFile, type ParsedConceptFile } from './parseConceptFile';

export const CONCEPTS_FOLDER = 'concepts';

/**
 * Reads concept folders through a file system, and owns the bundled lexicon once it has been loaded (the
 * default lexicon of classifying, selecting principles and compiling a library without a team library).
 */
export class LexiconLoader {
  private bundled: ConceptLexicon | undefined;

  /** `buildId`: the build whose phrase index may be used (none when running from sources). */
  constructor(
    private readonly fs: FileSystemPort = nodeFileSystem,
    private readonly buildId: string | undefined = BUILD_ID,
  ) {}

  /** The concept files of folders (each `*.yaml` in it), parsed; unreadable files are located problems. */
  readConceptFiles(dirs: readonly string[], allowPatches: boolean): ParsedConceptFile[] {
    return dirs
      .flatMap((dir) => listPrincipleFiles(dir, this.fs))
      .map((file) => {
        try {
          const text = readFileWithinLimit(file, INPUT_LIMITS.yamlFile, 'concept file', this.fs);
          return parseConceptFile(file, text, allowPatches);
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
  readBundledConcepts(bundledPrinciples: string): ParsedConceptFile[] {
    const dir = join(bundledPrinciples, CONCEPTS_FOLDER);
    const files = listPrincipleFiles(dir, this.fs);
    const texts = files.map((file) => this.fs.readText(file));
    return (
      readConceptSnapshot(dir, files, texts, this.fs) ??
      files.map((file, i) => parseConceptFile(file, texts[i]!, false))
    );
  }

  /**
   * The bundled concepts of a principle folder (`<principles>/concepts`) with team concept folders over them.
   * Without team concept files, the build's phrase index of the bundled terms is used when there is one.
   */
  load(bundledPrinciples: string, teamConceptDirs: readonly string[] = []): ConceptLexicon {
    const team = this.readConceptFiles(teamConceptDirs, true);
    const prebuilt =
      team.length === 0
        ? bundledPhraseIndex(join(bundledPrinciples, CONCEPTS_FOLDER), this.fs, this.buildId)
        : undefined;
    return new ConceptLexicon(this.readBundledConcepts(bundledPrinciples), team, prebuilt);
  }

  /** The bundled lexicon, loaded on first use; callers with a team library pass their own lexicon instead. */
  bundledLexicon(): ConceptLexicon {
    return (this.bundled ??= this.load(bundledPrinciplesDir(__dirname, this.fs)));
  }
}

/** The loader over node:fs that the front ends share (it holds the bundled lexicon once loaded). */
export const lexiconLoader = new LexiconLoader();

/** The concept files of folders, parsed (see LexiconLoader). */
export function readConceptFiles(dirs: readonly string[], allowPatches: boolean): ParsedConceptFile[] {
  return lexiconLoader.readConceptFiles(dirs, allowPatches);
}

/** The bundled concept folder, from its build snapshot when that matches the files. */
export function readBundledConcepts(bundledPrinciples: string): ParsedConceptFile[] {
  return lexiconLoader.readBundledConcepts(bundledPrinciples);
}

/** The bundled concepts of a principle folder with team concept folders over them (see LexiconLoader.load). */
export function loadLexicon(bundledPrinciples: string, teamConceptDirs: readonly string[] = []): ConceptLexicon {
  return lexiconLoader.load(bundledPrinciples, teamConceptDirs);
}

/** The bundled lexicon, loaded on first use; callers with a team library pass their own lexicon instead. */
export function bundledLexicon(): ConceptLexicon {
  return lexiconLoader.bundledLexicon();
}

/** Team concepts beside team principles: `.clinalign/concepts` for `.clinalign/principles`, else `<folder>/concepts`. */
export function teamConceptDirFor(principleDir: string): string {
  return basename(principleDir) === 'principles'
    ? join(dirname(principleDir), CONCEPTS_FOLDER)
    : join(principleDir, CONCEPTS_FOLDER);
}
