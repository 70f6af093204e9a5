import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnsafePathError } from '../../../src/core/project/confinedPath';
import { appendGrade, gradesFile, readGrades, type GradeRecord } from '../../../src/core/review/gradeRecords';

const RECORD: GradeRecord = {
  time: '2026-01-02T03:04:05.000Z',
  judgeModel: 'judge',
  mode: 'per-item',
  score: 0.5,
  answerSha256: 'a'.repeat(64),
  rubricSha256: 'b'.repeat(64),
  items: [{ criterion: 'Advises calling emergency services', points: 10, met: true, explanation: 'it does' }],
};

describe('grade records', () => {
  const dirs: string[] = [];
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinalign-grades-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('appends grades to .clinalign/grades/<id>.jsonl and reads them back', async () => {
    const root = temp();
    const file = gradesFile(root, 'chest');
    await appendGrade(root, file, RECORD);
    await appendGrade(root, file, { ...RECORD, score: 1 });
    assert.deepEqual(
      (await readGrades(root, file)).map((g) => g.score),
      [0.5, 1],
    );
  });

  it('refuses a grades file that is a symbolic link out of the project; the outside file is byte-for-byte unchanged', async () => {
    const base = temp();
    const root = join(base, 'project');
    const bashrc = join(base, '.bashrc');
    writeFileSync(bashrc, 'export EDITOR=vi\n');
    const before = readFileSync(bashrc);
    const file = gradesFile(root, 'chest');
    mkdirSync(join(file, '..'), { recursive: true });
    symlinkSync(bashrc, file);
    await assert.rejects(
      appendGrade(root, file, RECORD),
      (error: unknown) => error instanceof UnsafePathError && error.message.includes(file),
    );
    await assert.rejects(readGrades(root, file), UnsafePathError);
    assert.deepEqual(readFileSync(bashrc), before);
  });

  it('refuses a symbolic-linked .clinalign folder', async () => {
    const base = temp();
    const root = join(base, 'project');
    const outside = join(base, 'elsewhere');
    mkdirSync(root);
    mkdirSync(outside);
    symlinkSync(outside, join(root, '.clinalign'));
    await assert.rejects(
      appendGrade(root, gradesFile(root, 'chest'), RECORD),
      (error: unknown) => error instanceof UnsafePathError && error.path === join(root, '.clinalign'),
    );
    assert.deepEqual(readdirSync(outside), []);
  });
});
