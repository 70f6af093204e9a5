import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { isBundledFolder } from '../principles/bundledLibrary';
import { listPrincipleFiles } from '../principles/principleFiles';
import { readMatchingSnapshot, stampsOf, type SnapshotStamp } from '../principles/snapshotFile';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';
import { ConceptLexicon, type IndexedTerm, type PrebuiltPhraseIndex } from './conceptLexicon';
import { parseConceptFile, type ParsedConceptFile } from './parseConceptFile';
import { encodePhrases, PhraseTrie, type PhraseIndexData } from './phraseTrie';
import { compileTerm } from './termPattern';

/**
 * The bundled concept files parsed at build time: validating every term with positions takes most of a second,
 * reading this JSON a few milliseconds. Used only while every file's hash still matches.
 */
interface ConceptSnapshot {
  format: 1;
  files: SnapshotStamp[];
  parsed: Omit<ParsedConceptFile, 'file'>[];
}

/**
 * The phrase index of the bundled lexicon's terms, compiled at build time: compiling 18,000 terms takes a few
 * hundred milliseconds in a fresh process, decoding this a few dozen. It depends on the code that compiles
 * terms as much as on the terms, so it is used only by the bundles of the build that wrote it (`buildId`), and
 * only for exactly the terms, in order and with the payloads, that it was made from (`terms`, a hash).
 */
interface PhraseSnapshot {
  format: 1;
  buildId: string | null;
  terms: string;
  index: PhraseIndexData;
}

declare const CLINALIGN_BUILD_ID: string | undefined;

/**
 * The build this code is part of: esbuild.mjs defines one id for every bundle of a build and for the snapshot
 * writer. Undefined when running from the TypeScript sources (tests, scripts), which never use the phrase
 * snapshot: the sources may have changed since the last build.
 */
export const BUILD_ID: string | undefined = typeof CLINALIGN_BUILD_ID === 'string' ? CLINALIGN_BUILD_ID : undefined;

export const CONCEPT_SNAPSHOT_NAME = 'concepts.snapshot.json';
export const PHRASE_SNAPSHOT_NAME = 'phrases.snapshot.json';

/** `dist/concepts.snapshot.json` beside the `principles/` folder that holds `concepts/`. */
export function conceptSnapshotPathFor(conceptDir: string): string {
  return join(conceptDir, '..', '..', 'dist', CONCEPT_SNAPSHOT_NAME);
}

/** `dist/phrases.snapshot.json` beside the `principles/` folder that holds `concepts/`. */
export function phraseSnapshotPathFor(conceptDir: string): string {
  return join(conceptDir, '..', '..', 'dist', PHRASE_SNAPSHOT_NAME);
}

function readYaml(conceptDir: string, fs: FileSystemPort) {
  return listPrincipleFiles(conceptDir, fs).map((file) => ({ file, text: fs.readText(file) }));
}

export function createConceptSnapshot(conceptDir: string, fs: FileSystemPort = nodeFileSystem): ConceptSnapshot {
  const files = readYaml(conceptDir, fs);
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
  fs: FileSystemPort = nodeFileSystem,
): ParsedConceptFile[] | undefined {
  if (!isBundledFolder(conceptDir)) return undefined; // a repository's snapshot is never trusted
  const snapshot = readMatchingSnapshot<ConceptSnapshot>(conceptSnapshotPathFor(conceptDir), files, texts, fs);
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

/** A hash of the terms with their payloads, in order: what a prebuilt phrase index must have been made from. */
export function termsHash(terms: readonly IndexedTerm[]): string {
  return createHash('sha256').update(JSON.stringify(terms)).digest('hex');
}

/** The phrase index of the bundled concept folder's terms (parsed from the YAML, as a lexicon without team files). */
export function createPhraseSnapshot(
  conceptDir: string,
  buildId: string | undefined = BUILD_ID,
  fs: FileSystemPort = nodeFileSystem,
): PhraseSnapshot {
  const files = readYaml(conceptDir, fs).map(({ file, text }) => parseConceptFile(file, text, false));
  const { terms } = new ConceptLexicon(files);
  const entries = terms.flatMap(({ term, payload }) => {
    const sequences = compileTerm(term);
    return typeof sequences === 'string' ? [] : sequences.map((sequence) => ({ sequence, payload }));
  });
  return { format: 1, buildId: buildId ?? null, terms: termsHash(terms), index: encodePhrases(entries) };
}

/**
 * The build's phrase index for the bundled concept folder, read when a lexicon first needs its index; it yields
 * nothing when running from sources, for any other folder (a snapshot in a repository is never trusted), when
 * another build wrote it, or for terms other than the ones it was made from (team concepts).
 */
export function bundledPhraseIndex(
  conceptDir: string,
  fs: FileSystemPort = nodeFileSystem,
  buildId: string | undefined = BUILD_ID,
): PrebuiltPhraseIndex | undefined {
  if (buildId === undefined || !isBundledFolder(conceptDir)) return undefined;
  return (terms) => {
    let snapshot: PhraseSnapshot;
    try {
      snapshot = JSON.parse(fs.readText(phraseSnapshotPathFor(conceptDir))) as PhraseSnapshot;
    } catch {
      return undefined; // missing or unreadable: the terms are compiled as without a build
    }
    if (snapshot.format !== 1 || snapshot.buildId !== buildId || snapshot.terms !== termsHash(terms)) return undefined;
    return PhraseTrie.decode(snapshot.index);
  };
}
