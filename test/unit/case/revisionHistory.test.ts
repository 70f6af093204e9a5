import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyEntry, historyFile, readHistory, recordRevision } from '../../../src/core/case/revisionHistory';
import { UnsafePathError } from '../../../src/core/project/confinedPath';

describe('revision history files', () => {
  const dirs: string[] = [];
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinalign-history-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('records the draft once, then each revision', async () => {
    const root = temp();
    const file = historyFile(root, 'chest');
    await recordRevision(root, file, 'draft\n', historyEntry('model-revision', 'one\n', { model: 'm' }));
    await recordRevision(root, file, 'one\n', historyEntry('model-revision', 'two\n', { model: 'm' }));
    assert.deepEqual(
      (await readHistory(root, file)).map((e) => e.text),
      ['draft\n', 'one\n', 'two\n'],
    );
  });

  it('keeps the entries in time order: the draft is not stamped after the revision that replaced it', async () => {
    const root = temp();
    const file = historyFile(root, 'chest');
    const revision = historyEntry('model-revision', 'one\n', { model: 'm' });
    // Writers stamp the revision, then check and write the case before recording it.
    await new Promise((resolve) => setTimeout(resolve, 15));
    await recordRevision(root, file, 'draft\n', revision);
    const times = (await readHistory(root, file)).map((e) => Date.parse(e.time));
    assert.equal(times.length, 2);
    assert.ok(times[0]! <= times[1]!, `out of order: ${times.join(' > ')}`);
  });

  it('refuses a history file that is a symbolic link out of the project, for reading and writing', async () => {
    const base = temp();
    const root = join(base, 'project');
    const bashrc = join(base, '.bashrc');
    writeFileSync(bashrc, 'alias ls="ls --color"\n');
    const file = historyFile(root, 'chest');
    mkdirSync(join(file, '..'), { recursive: true });
    symlinkSync(bashrc, file);
    await assert.rejects(
      recordRevision(root, file, 'draft\n', historyEntry('model-revision', 'rm -rf ~\n')),
      (error: unknown) => error instanceof UnsafePathError && error.message.includes(file),
    );
    await assert.rejects(readHistory(root, file), UnsafePathError);
    assert.equal(readFileSync(bashrc, 'utf8'), 'alias ls="ls --color"\n');
  });

  it('refuses a case id that would put the history outside the project', async () => {
    const root = temp();
    await assert.rejects(
      recordRevision(root, historyFile(root, '../../../escape'), 'd\n', historyEntry('model-revision', 'r\n')),
      /outside the project folder/,
    );
  });
});
