import { join } from 'node:path';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';
import { isBundledFolder } from './bundledLibrary';
import type { PatternPlans } from '../text/patternPlans';
import type { PatternPlan } from '../text/planPattern';
import { listPrincipleFiles } from './principleFiles';
import { parsePrincipleFile, type ParsedPrincipleFile } from './parsePrincipleFile';
import { readMatchingSnapshot, type SnapshotStamp } from './snapshotFile';

/**
 * The bundled library parsed at build time. Parsing 350 KB of YAML with positions takes ~60 ms; reading this
 * JSON takes ~3. It is used only while every YAML file's hash still matches, so an edited library is never
 * shadowed by a stale snapshot.
 */
export interface LibrarySnapshot {
  format: 1;
  files: SnapshotStamp[];
  parsed: { name: string; principles: ParsedPrincipleFile['principles']; problems: ParsedPrincipleFile['problems'] }[];
  plans: Record<string, PatternPlan>;
}

export const SNAPSHOT_NAME = 'principles.snapshot.json';

/** Where the build writes the snapshot of a bundled `principles/` folder: `dist/` beside it. */
export function snapshotPathFor(dir: string): string {
  return join(dir, '..', 'dist', SNAPSHOT_NAME);
}

/**
 * The parsed files of a principle folder: from its snapshot when one matches, else from the YAML. The
 * snapshot's pattern plans go to `plans`, so compiling the library need not parse its patterns.
 */
export function readPrincipleFolder(
  dir: string,
  fs: FileSystemPort = nodeFileSystem,
  plans?: PatternPlans,
): ParsedPrincipleFile[] {
  const files = listPrincipleFiles(dir, fs);
  const texts = files.map((file) => fs.readText(file));
  const snapshot = isBundledFolder(dir)
    ? readMatchingSnapshot<LibrarySnapshot>(snapshotPathFor(dir), files, texts, fs)
    : undefined;
  if (!snapshot) return files.map((file, i) => parsePrincipleFile(file, texts[i]!, false));
  plans?.add(snapshot.plans);
  return snapshot.parsed.map((p) => {
    const file = join(dir, p.name);
    return {
      file,
      principles: p.principles.map((principle) => ({ ...principle, location: { ...principle.location, file } })),
      patches: [],
      problems: p.problems.map((problem) => ({ ...problem, file })),
    };
  });
}
