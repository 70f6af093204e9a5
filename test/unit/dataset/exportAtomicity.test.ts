import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportDataset } from '../../../src/core/dataset/exportDataset';
import { DEFAULT_EXPORT_FILES, verifiedCase } from './caseFixtures';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const KILLED = join(__dirname, 'exportUntilKilled.ts');

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

function read(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}

/** Every file named in the manifest has the manifest's sha256: one consistent set. */
function assertConsistent(dir: string): void {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  for (const file of manifest.files) {
    assert.equal(
      createHash('sha256')
        .update(readFileSync(join(dir, file.name)))
        .digest('hex'),
      file.sha256,
      `${file.name} belongs to this manifest`,
    );
  }
}

describe('dataset export: atomic replacement and stale temporaries', function () {
  this.timeout(30000);
  const dirs: string[] = [];
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinalign-export-atomic-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  function workspace(): string {
    const root = temp();
    mkdirSync(join(root, 'cases'));
    for (const id of ['chest-a', 'chest-b', 'chest-c'])
      writeFileSync(join(root, 'cases', `${id}.case.md`), verifiedCase(id));
    writeFileSync(
      join(root, 'cases', 'draft.case.md'),
      verifiedCase('draft').replace('status: verified', 'status: draft'),
    );
    return root;
  }

  it('an export killed midway leaves the previous export intact, and the next run removes what it left behind', async () => {
    const root = workspace();
    await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out') });
    const previous = read(join(root, 'out'));
    writeFileSync(join(root, 'cases', 'chest-d.case.md'), verifiedCase('chest-d'));

    const killed = spawnSync(process.execPath, ['--import', TSX, KILLED, join(root, 'cases'), join(root, 'out')], {
      encoding: 'utf8',
    });
    assert.equal(killed.signal, 'SIGKILL', killed.stderr);
    assert.deepEqual(
      read(join(root, 'out')),
      previous,
      'the previous export, byte for byte, and nothing else in the folder',
    );

    const { manifest } = await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out') });
    assert.equal(manifest.counts.cases_exported, 4);
    assert.deepEqual(readdirSync(root).sort(), ['cases', 'out'], 'no temporary folder left beside the export');
    assert.deepEqual(readdirSync(join(root, 'out')).sort(), [...DEFAULT_EXPORT_FILES]);
    assertConsistent(join(root, 'out'));
  });

  it('a run killed between the two renames of the swap: the next run puts the previous export back first', async () => {
    const root = workspace();
    await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out') });
    const previous = read(join(root, 'out'));
    // What a kill between "move the old set aside" and "move the new set in" leaves: no `out`, the old set
    // aside, a finished new set, both named after a process that is gone.
    const pid = deadPid();
    renameSync(join(root, 'out'), join(root, `.out.clinalign-replaced-${pid}-${Date.now()}-0123abcd`));
    const staging = join(root, `.out.clinalign-export-${pid}-${Date.now()}-4567cdef`); // one name: Date.now() may tick between calls
    mkdirSync(staging);
    writeFileSync(join(staging, 'healthbench.jsonl'), '{"half":');
    // A live process's fresh temporary (this one's) is not touched.
    const live = join(root, `.out.clinalign-export-${process.pid}-${Date.now()}-89abcdef`);
    mkdirSync(live);

    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await assert.rejects(
      exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out') }, { signal: controller.signal }),
      /stop/,
    );
    assert.deepEqual(read(join(root, 'out')), previous, 'the previous export is back in place');
    assert.deepEqual(readdirSync(root).sort(), [live.split(/[\\/]/).pop(), 'cases', 'out'].sort());
    rmSync(live, { recursive: true });
  });

  it('removes the per-file temporaries that earlier versions left in the export folder when killed', async () => {
    const root = workspace();
    await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out') });
    const pid = deadPid();
    for (const name of ['healthbench.jsonl', 'rl.jsonl', 'skipped.json'])
      writeFileSync(join(root, 'out', `.${name}.${pid}.${Date.now()}.tmp`), 'x'.repeat(1000));
    const notOurs = `.notes.txt.${pid}.${Date.now()}.tmp`; // same shape, but not a file an export writes
    writeFileSync(join(root, 'out', notOurs), 'not ours');
    await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out') });
    assert.deepEqual(
      readdirSync(join(root, 'out')).filter((f) => f.startsWith('.')),
      [notOurs],
    );
  });

  it('an export folder that also holds other files keeps them (files are moved in one by one, the manifest last)', async () => {
    const root = workspace();
    mkdirSync(join(root, 'out', '.git'), { recursive: true });
    writeFileSync(join(root, 'out', '.gitattributes'), '*.jsonl filter=lfs\n');
    await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out') });
    await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out') });
    assert.deepEqual(readdirSync(join(root, 'out')).sort(), ['.git', '.gitattributes', ...DEFAULT_EXPORT_FILES]);
    assert.equal(readFileSync(join(root, 'out', '.gitattributes'), 'utf8'), '*.jsonl filter=lfs\n');
    assert.deepEqual(readdirSync(root).sort(), ['cases', 'out']);
    assertConsistent(join(root, 'out'));
  });
});
