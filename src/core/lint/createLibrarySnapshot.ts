import { basename } from 'node:path';
import { mergeLibrary } from '../principles/mergeLibrary';
import { parsePrincipleFile } from '../principles/parsePrincipleFile';
import type { LibrarySnapshot } from '../principles/librarySnapshot';
import { listPrincipleFiles } from '../principles/principleFiles';
import { stampsOf } from '../principles/snapshotFile';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';
import { compileLibrary } from './compileLibrary';
import { PatternPlans } from '../text/patternPlans';

/**
 * The build's snapshot of a bundled principle folder (scripts/write-principle-snapshot.ts): the parsed files
 * and the plan of every detector pattern, which compiling the library works out. It lives here, above the
 * principles, because making it needs the detector engine; reading it does not.
 */
export function createLibrarySnapshot(dir: string, fs: FileSystemPort = nodeFileSystem): LibrarySnapshot {
  const files = listPrincipleFiles(dir, fs).map((file) => ({ file, text: fs.readText(file) }));
  const parsed = files.map(({ file, text }) => parsePrincipleFile(file, text, false));
  const plans = new PatternPlans();
  compileLibrary(mergeLibrary(parsed).principles, undefined, plans); // plans every pattern of the library
  return {
    format: 1,
    files: stampsOf(
      files.map((f) => f.file),
      files.map((f) => f.text),
    ),
    parsed: parsed.map((p) => ({
      name: basename(p.file),
      principles: p.principles.map((principle) => ({
        ...principle,
        location: { ...principle.location, file: basename(p.file) },
      })),
      problems: p.problems.map((problem) => ({ ...problem, file: basename(p.file) })),
    })),
    plans: plans.toRecord(),
  };
}
