import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyEntry, readHistory, recordRevision } from '../../../src/core/case/revisionHistory';
import { AppendLog } from '../../../src/core/dataset/appendLog';
import { exportDataset } from '../../../src/core/dataset/exportDataset';
import { compileLibrary } from '../../../src/core/lint/compileLibrary';
import { lintAnswer } from '../../../src/core/lint/lintAnswer';
import { readPrincipleFolder } from '../../../src/core/principles/librarySnapshot';
import { parsePrincipleFiles } from '../../../src/core/principles/loadPrinciples';
import { mergeLibrary } from '../../../src/core/principles/mergeLibrary';
import { findTeamPrinciplesDir, principleFilesSignature } from '../../../src/core/principles/teamPrinciples';
import { caseProjectRoot } from '../../../src/core/project/caseProjectRoot';
import { UnsafePathError } from '../../../src/core/project/confinedPath';
import { findProjectFolder } from '../../../src/core/project/findProjectFolder';
import { readJsonLines } from '../../../src/core/project/readJsonLines';
import { readProjectFile } from '../../../src/core/project/safeRead';
import { appendProjectFile, createProjectFile, replaceProjectFile } from '../../../src/core/project/safeWrite';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { verifiedCase } from '../dataset/caseFixtures';
import { FIXTURES, scenario } from '../fixtureLibrary';
import { DEFAULT_EXPORT_FILES } from '../dataset/caseFixtures';

/** A root no disk here has: had anything reached node:fs, it would have failed or shown up there. */
const ROOT = '/clinalign-memory';

/**
 * The core's real project, principle and dataset functions driven through an in-memory FileSystemPort:
 * the port carries every read and write they make, and the disk never sees the paths.
 */
describe('file-system port: the core over a file system in memory', () => {
  afterEach(() => assert.equal(existsSync(ROOT), false, 'nothing was written to the disk'));

  it('finds .clinalign/ upwards, never above the repository root', () => {
    const fs = new MemoryFileSystem()
      .put(`${ROOT}/.clinalign/config.yaml`, 'model: above-the-repo\n')
      .put(`${ROOT}/repo/.git/HEAD`, 'ref: refs/heads/main\n')
      .put(`${ROOT}/repo/cases/chest.case.md`, verifiedCase('chest'));
    assert.equal(findProjectFolder(`${ROOT}/repo/cases`, '.clinalign', fs), undefined);
    assert.equal(findProjectFolder(`${ROOT}/repo/cases`, '.git', fs), `${ROOT}/repo`);
    assert.equal(caseProjectRoot(`${ROOT}/repo/cases/chest.case.md`, undefined, fs), `${ROOT}/repo`);
    fs.put(`${ROOT}/repo/.clinalign/config.yaml`, 'model: m\n');
    assert.equal(findProjectFolder(`${ROOT}/repo/cases`, '.clinalign', fs), `${ROOT}/repo`);
    assert.ok(fs.touched.includes(`${ROOT}/repo/cases/.clinalign`), 'the search went through the port');
  });

  it('loads a team principles folder over the bundled one, and the compiled library lints with it', () => {
    const sample = readFileSync(join(FIXTURES, 'principles', 'sample.yaml'), 'utf8');
    const fs = new MemoryFileSystem()
      .put(`${ROOT}/bundled/sample.yaml`, sample)
      .put(`${ROOT}/repo/.git/HEAD`, 'ref: refs/heads/main\n')
      .put(
        `${ROOT}/repo/.clinalign/principles/team.yaml`,
        'group: team\nprinciples:\n  - id: universal.safe-abbreviations\n    disabled: true\n',
      );
    const teamDir = findTeamPrinciplesDir(`${ROOT}/repo/cases`, fs);
    assert.equal(teamDir, `${ROOT}/repo/.clinalign/principles`);
    const library = mergeLibrary(readPrincipleFolder(`${ROOT}/bundled`, fs), parsePrincipleFiles([teamDir!], true, fs));
    assert.deepEqual(library.problems, []);
    assert.equal(library.principles.find((p) => p.id === 'universal.safe-abbreviations')?.disabled, true);

    const findings = lintAnswer(compileLibrary(library.principles), {
      answer: 'This is a guaranteed cure. Take 10 IU q.d.',
      question: 'Will this cure my eczema?',
      scenario: scenario(),
    });
    assert.deepEqual(
      findings.map((f) => f.principleId),
      ['universal.no-cure-promises'],
      'the team disabled the abbreviation check',
    );

    const before = principleFilesSignature([teamDir!], fs);
    fs.put(`${teamDir}/more.yaml`, 'group: team\nprinciples: []\n');
    assert.notEqual(principleFilesSignature([teamDir!], fs), before, 'a new team file changes the signature');
  });

  it('reads and writes project files only inside the project, never through a link', async () => {
    const fs = new MemoryFileSystem()
      .put('/home/user/.bashrc', 'export SECRET=1\n')
      .put(`${ROOT}/repo/.git/HEAD`, 'ref: refs/heads/main\n');
    const root = `${ROOT}/repo`;
    await appendProjectFile(root, '.clinalign/grades/a.jsonl', '{"score":1}\n', fs);
    await appendProjectFile(root, '.clinalign/grades/a.jsonl', 'half a line\n{"score":2}\n', fs);
    assert.deepEqual(await readJsonLines(root, '.clinalign/grades/a.jsonl', fs), [{ score: 1 }, { score: 2 }]);
    assert.equal(await readProjectFile(root, '.clinalign/grades/missing.jsonl', fs), undefined);

    fs.symlink('/home/user/.bashrc', `${root}/.clinalign/history/evil.jsonl`);
    fs.symlink('/home/user', `${root}/.clinalign/linked`);
    for (const file of ['.clinalign/history/evil.jsonl', '.clinalign/linked/.bashrc', '../../home/user/.bashrc']) {
      await assert.rejects(appendProjectFile(root, file, 'x\n', fs), UnsafePathError, file);
      await assert.rejects(readProjectFile(root, file, fs), UnsafePathError, file);
      await assert.rejects(replaceProjectFile(root, file, 'x\n', fs), UnsafePathError, file);
    }
    assert.equal(fs.readText('/home/user/.bashrc'), 'export SECRET=1\n');

    fs.mkdir(`${root}/cases`);
    assert.equal(await createProjectFile(root, 'cases/new.case.md', 'first\n', fs), true);
    assert.equal(await createProjectFile(root, 'cases/new.case.md', 'second\n', fs), false, 'never overwrites');
    fs.chmod(`${root}/cases/new.case.md`, 0o600);
    await replaceProjectFile(root, 'cases/new.case.md', 'replaced\n', fs);
    assert.equal(fs.readText(`${root}/cases/new.case.md`), 'replaced\n');
    assert.equal(fs.stat(`${root}/cases/new.case.md`).mode & 0o777, 0o600, 'keeps its permissions');
    assert.deepEqual(fs.readdir(`${root}/cases`), ['new.case.md'], 'no temporary left behind');
  });

  it('an append log resumes after a crash: the half-written line is cut, finished ids are skipped', async () => {
    const file = `${ROOT}/out/rubrics.jsonl`;
    const fs = new MemoryFileSystem().put(file, '{"id":"a"}\n{"id":"b"}\n{"id":"c","rub');
    const log = await AppendLog.open(file, (record) => (record as { id?: string }).id, fs);
    assert.deepEqual([...log.done].sort(), ['a', 'b']);
    log.append('c', { id: 'c' });
    log.close();
    assert.equal(fs.readText(file), '{"id":"a"}\n{"id":"b"}\n{"id":"c"}\n');
  });

  it('exports a dataset from cases and revision history in memory, into memory', async () => {
    const root = `${ROOT}/repo`;
    const fs = new MemoryFileSystem()
      .put(`${root}/.git/HEAD`, 'ref: refs/heads/main\n')
      .put(`${root}/.clinalign/config.yaml`, '')
      .put(`${root}/cases/chest.case.md`, verifiedCase('chest'))
      .put(`${root}/cases/draft.case.md`, verifiedCase('draft').replace('status: verified', 'status: draft'))
      .put(`${root}/out/healthbench.jsonl`, 'an earlier export\n');
    const history = `${root}/.clinalign/history/chest.jsonl`;
    await recordRevision(
      root,
      history,
      'Maybe rest and see if it passes.',
      historyEntry('model-revision', 'Call emergency services now.'),
      fs,
    );
    assert.equal((await readHistory(root, history, fs)).length, 2);

    const { manifest } = await exportDataset({
      inputs: [`${root}/cases`],
      outDir: `${root}/out`,
      now: () => new Date('2025-01-01T00:00:00Z'),
      fs,
    });
    assert.deepEqual(manifest.counts, {
      cases_read: 2,
      cases_exported: 1,
      cases_skipped: 1,
      records: { healthbench: 1, preferences: 1, rl: 1 },
    });
    const out = [...fs.files().keys()].filter((path) => path.startsWith(`${root}/out/`)).sort();
    assert.deepEqual(
      out.map((path) => path.slice(`${root}/out/`.length)),
      [...DEFAULT_EXPORT_FILES],
      'the new set swapped in whole, no temporaries left',
    );
    const preference = JSON.parse(fs.readText(`${root}/out/preferences.jsonl`));
    assert.deepEqual(preference.rejected, [{ role: 'assistant', content: 'Maybe rest and see if it passes.' }]);
    assert.equal(JSON.parse(fs.readText(`${root}/out/healthbench.jsonl`)).prompt_id, 'chest');
  });
});
