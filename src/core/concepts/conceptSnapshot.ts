import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { principleFilesIn } from '../principles/principleFiles';
import { isBundledFolder } from '../principles/bundledLibrary';
import { readMatchingSnapshot, stampsOf, type SnapshotStamp } from '../principles/snapshotFile';
import { parseConceptFile, type ParsedConceptFile } from './parseConceptFile';

/**
 * The bundled concept files parsed at build time: validating every term with positions takes most of a second,
 * reading this JSON a few milliseconds. Used only while every file's hash still matches.
 */
interface ConceptSnapshot {
  format: 1;
  files: SnapshotStamp[];
  parsed: Omit<ParsedConceptFile, 'file'>[];
}

export const CONCEPT_SNAPSHOT_NAME = 'concepts.snapshot.json';

/** `dist/concepts.snapshot.json` beside the `principles/` folder that holds `concepts/`. */
export function conceptSnapshotPathFor(conceptDir: string): string {
  return join(conceptDir, '..', '..', 'dist', CONCEPT_SNAPSHOT_NAME);
}

export function createConceptSnapshot(conceptDir: string): ConceptSnapshot {
  const files = principleFilesIn(conceptDir).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  return {
    format: 1,
    files: stampsOf(
      files.map((f) => f.file),
      files.map((f) => f.text),
    ),
    parsed: files.map(({ file, text }) => {
      const { file: _file, ...parsed } = parseConceptFile(file, text, false);
      return {
        ...parsed,
        concepts: parsed.concepts.map((c) => ({ ...c, location: { ...c.location, file: basename(file) } })),
        problems: parsed.problems.map((p) => ({ ...p, file: basename(file) })),
      };
    }),
  };
}

/** The parsed bundled concept files from the snapshot, or undefined when it is missing or stale. */
export function readConceptSnapshot(
  conceptDir: string,
  files: readonly string[],
  texts: readonly string[],
): ParsedConceptFile[] | undefined {
  if (!isBundledFolder(conceptDir)) return undefined; // a repository's snapshot is never trusted
  const snapshot = readMatchingSnapshot<ConceptSnapshot>(conceptSnapshotPathFor(conceptDir), files, texts);
  if (!snapshot) return undefined;
  return snapshot.parsed.map((parsed, i) => {
    const file = files[i]!;
    return {
      ...parsed,
      file,
      concepts: parsed.concepts.map((c) => ({ ...c, location: { ...c.location, file } })),
      patches: [],
      problems: parsed.problems.map((p) => ({ ...p, file })),
    };
  });
}
