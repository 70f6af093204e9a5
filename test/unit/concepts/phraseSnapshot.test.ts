import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConceptLexicon } from '../../../src/core/concepts/conceptLexicon';
import {
  BUILD_ID,
  bundledPhraseIndex,
  createPhraseSnapshot,
  phraseSnapshotPathFor,
} from '../../../src/core/concepts/conceptSnapshot';
import { LexiconLoader } from '../../../src/core/concepts/loadLexicon';
import { parseConceptFile } from '../../../src/core/concepts/parseConceptFile';
import { encodePhrases, PhraseTrie } from '../../../src/core/concepts/phraseTrie';
import { compileTerm } from '../../../src/core/concepts/termPattern';
import { tokenize } from '../../../src/core/concepts/tokens';
import { bundledPrinciplesDir } from '../../../src/core/principles/bundledLibrary';
import type { FileSystemPort } from '../../../src/core/project/fileSystemPort';
import { nodeFileSystem } from '../../../src/core/project/nodeFileSystem';
import { idealCompletions } from '../../../bench/benchCorpus';

const principles = bundledPrinciplesDir();
const conceptDir = join(principles, 'concepts');
const snapshotPath = phraseSnapshotPathFor(conceptDir);

/** The disk, except that the phrase snapshot holds `text` and every read of it is counted. */
function withSnapshot(text: string): FileSystemPort & { reads: number } {
  const fs = {
    ...nodeFileSystem,
    reads: 0,
    readText: (path: string) => {
      if (path !== snapshotPath) return nodeFileSystem.readText(path);
      fs.reads++;
      return text;
    },
  };
  return fs;
}

/** Every concept example and the physician answers of the bench: text that hits most of the lexicon. */
function sampleText(lexicon: ConceptLexicon): string {
  const examples = lexicon.concepts.flatMap((c) => (c.source.examples ?? []).map((e) => e.text));
  return [...examples, ...idealCompletions()].join('\n\n');
}

describe('the prebuilt phrase index (dist/phrases.snapshot.json)', () => {
  const bundled = new LexiconLoader(nodeFileSystem, undefined).load(principles);

  it('decodes to an index that finds exactly what compiling every term finds, in the same order', () => {
    const tokens = tokenize(sampleText(bundled));
    const compiled = bundled.termTrie.match(tokens);
    assert.ok(compiled.length > 1000, 'the sample hits the lexicon');
    const decoded = PhraseTrie.decode(createPhraseSnapshot(conceptDir, 'build-1').index);
    assert.deepEqual(decoded.match(tokens), compiled);
  });

  it('round-trips every step kind: choices, prefixes, numbers with open ends, any word, punctuation', () => {
    const terms = [
      'elephant on my|his|her chest',
      'sweat*',
      'born #0-12 week*|wks ago',
      '<n> mg',
      'the? middle _ chest',
    ];
    const words = 'a b c d e f g h i j'.split(' ').join('|'); // more than 8 choices: a set
    const all = [...terms, `${words} pain`, 'a&e', '#1.5-2 tablets'];
    const entries = all.flatMap((term, payload) => {
      const sequences = compileTerm(term);
      assert.ok(typeof sequences !== 'string', sequences as string);
      return sequences.map((sequence) => ({ sequence, payload }));
    });
    const direct = new PhraseTrie();
    for (const { sequence, payload } of entries) direct.add(sequence, payload);
    const decoded = PhraseTrie.decode(JSON.parse(JSON.stringify(encodePhrases(entries))));
    const text = tokenize(
      'An elephant on his chest; sweating; born 3 weeks ago, 40 mg, the middle of chest, j pain, A&E, 2 tablets',
    );
    assert.ok(direct.match(text).length >= 8);
    assert.deepEqual(decoded.match(text), direct.match(text));
  });

  it('is used for the bundled terms of the build that wrote it, read once when the index is first needed', () => {
    const fs = withSnapshot(JSON.stringify(createPhraseSnapshot(conceptDir, 'build-1')));
    const lexicon = new LexiconLoader(fs, 'build-1').load(principles);
    assert.equal(fs.reads, 0, 'loading a library does not read it');
    const tokens = tokenize(sampleText(lexicon));
    assert.deepEqual(lexicon.termTrie.match(tokens), bundled.termTrie.match(tokens));
    void lexicon.termTrie;
    assert.equal(fs.reads, 1);
  });

  it('is never used by another build, from sources, for team concepts, or for a folder that is not bundled', () => {
    const snapshot = createPhraseSnapshot(conceptDir, 'build-1');
    const stale = withSnapshot(JSON.stringify(snapshot));
    const compiledBy = (lexicon: ConceptLexicon) => lexicon.termTrie.match(tokenize('crushing chest pain'));
    // Another build (or a build older than the sources): the terms are compiled.
    const other = new LexiconLoader(stale, 'build-2').load(principles);
    assert.deepEqual(compiledBy(other), compiledBy(bundled));
    assert.equal(stale.reads, 1, 'read, and refused for its build id');
    // From sources there is no build id: the snapshot is not even read.
    const sources = withSnapshot(JSON.stringify(snapshot));
    void new LexiconLoader(sources, undefined).load(principles).termTrie;
    assert.equal(sources.reads, 0);
    assert.equal(BUILD_ID, undefined, 'tests run from sources');
    // A folder that is not the bundled one never has its snapshot trusted.
    assert.equal(bundledPhraseIndex(join(tmpdir(), 'principles', 'concepts'), stale, 'build-1'), undefined);
  });

  it('is refused for terms other than its own: team concepts are compiled with the bundled ones', () => {
    const root = mkdtempSync(join(tmpdir(), 'clinalign-phrases-'));
    try {
      const team = join(root, 'concepts');
      mkdirSync(team);
      const teamYaml = `concepts:
  - id: action.bleep-registrar
    kind: action
    label: pager
    terms: { en: [bleep the registrar] }
`;
      writeFileSync(join(team, 'team.yaml'), teamYaml);
      const fs = withSnapshot(JSON.stringify(createPhraseSnapshot(conceptDir, 'build-1')));
      const lexicon = new LexiconLoader(fs, 'build-1').load(principles, [team]);
      const hits = lexicon.termTrie.match(tokenize('please bleep the registrar about the crushing chest pain'));
      const ids = hits.map((h) => lexicon.concepts[lexicon.payloadTarget[h.payload]!]?.id);
      assert.ok(ids.includes('action.bleep-registrar'), 'the team term is found');
      assert.equal(fs.reads, 0, 'with team concept files the snapshot is not offered');
      // Even offered, an index made for other terms is refused: same payloads, different terms.
      const offered = bundledPhraseIndex(conceptDir, fs, 'build-1')!;
      const teamFiles = new LexiconLoader(fs).readConceptFiles([team], true);
      const mixed = new ConceptLexicon(new LexiconLoader(fs).readBundledConcepts(principles), teamFiles, offered);
      assert.ok(mixed.termTrie.match(tokenize('bleep the registrar')).length > 0, 'compiled, not the bundled index');
      const edited = new ConceptLexicon([parseConceptFile('edited.yaml', teamYaml, false)], [], offered);
      assert.ok(edited.termTrie.match(tokenize('bleep the registrar')).length > 0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
