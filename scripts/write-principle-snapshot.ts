// Build step (esbuild.mjs): parses the bundled principles and concepts once and stores them as
// dist/principles.snapshot.json and dist/concepts.snapshot.json, with the concepts' phrase index for this build's
// bundles as dist/phrases.snapshot.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  conceptSnapshotPathFor,
  createConceptSnapshot,
  createPhraseSnapshot,
  phraseSnapshotPathFor,
} from '../src/core/concepts/conceptSnapshot';
import { createLibrarySnapshot } from '../src/core/lint/createLibrarySnapshot';
import { snapshotPathFor } from '../src/core/principles/librarySnapshot';

const dir = join(process.argv[2] ?? process.cwd(), 'principles');
const snapshot = createLibrarySnapshot(dir);
writeFileSync(snapshotPathFor(dir), JSON.stringify(snapshot));
const count = snapshot.parsed.reduce((n, f) => n + f.principles.length, 0);
const problems = snapshot.parsed.reduce((n, f) => n + f.problems.length, 0);
const conceptDir = join(dir, 'concepts');
const concepts = createConceptSnapshot(conceptDir);
writeFileSync(conceptSnapshotPathFor(conceptDir), JSON.stringify(concepts));
const phrases = createPhraseSnapshot(conceptDir);
writeFileSync(phraseSnapshotPathFor(conceptDir), JSON.stringify(phrases));
console.log(
  `concept snapshot: ${concepts.parsed.reduce((n, f) => n + f.concepts.length, 0)} concepts, phrase index for build ${phrases.buildId}`,
);
console.log(
  `principle snapshot: ${count} principles, ${problems} problems, ${Object.keys(snapshot.plans).length} pattern plans`,
);
