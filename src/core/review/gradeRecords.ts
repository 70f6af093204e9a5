import { join } from 'node:path';
import { confinedPath } from '../project/confinedPath';
import { appendProjectFile } from '../project/safeWrite';
import type { RubricItem } from '../rubric/rubricItem';
import { formatScore } from '../workflows/gradeReport';
import type { GradeResult } from '../workflows/gradeAnswer';
import { readJsonLines } from '../project/readJsonLines';
import { answerHash, rubricHash } from './reviewFingerprint';
import type { GradeView } from './reviewMessages';
import { GRADES_FOLDER } from '../project/projectLayout';

export { GRADES_FOLDER };

/**
 * One line of `.clinalign/grades/<case-id>.jsonl`: a grade with the hashes of the answer and rubric it
 * judged, so a later look can tell whether it still describes the case (and the history can show the score
 * of each revision).
 */
export interface GradeRecord {
  time: string;
  judgeModel: string;
  mode: string;
  score: number | null;
  answerSha256: string;
  rubricSha256: string;
  items: { criterion: string; points: number; met: boolean; explanation: string }[];
}

export function gradesFile(root: string, caseId: string): string {
  return join(root, GRADES_FOLDER, `${caseId}.jsonl`);
}

export function gradeRecord(
  result: GradeResult,
  answer: string,
  rubric: readonly Pick<RubricItem, 'criterion' | 'points' | 'tags'>[],
  now: Date,
): GradeRecord {
  return {
    time: now.toISOString(),
    judgeModel: result.judgeModel,
    mode: result.mode,
    score: result.score,
    answerSha256: answerHash(answer),
    rubricSha256: rubricHash(rubric),
    items: result.items.map(({ criterion, points, met, explanation }) => ({ criterion, points, met, explanation })),
  };
}

/** The grades in `file` inside the project `root`; a file behind a symbolic link is refused (UnsafePathError). */
export async function readGrades(root: string, file: string): Promise<GradeRecord[]> {
  return (await readJsonLines(root, file)).filter(isGradeRecord);
}

/** Appends a grade; refuses (UnsafePathError) a file behind a symbolic link or outside the project `root`. */
export async function appendGrade(root: string, file: string, record: GradeRecord): Promise<void> {
  await appendProjectFile(root, file, `${JSON.stringify(record)}\n`);
}

/** Throws UnsafePathError when a grade could not be recorded in `file`: checked before asking the judge. */
export function checkGradesWritable(root: string, file: string): void {
  confinedPath(root, file);
}

/** The latest grade as the panel shows it: stale when the answer or the rubric changed since. */
export function gradeView(
  grades: readonly GradeRecord[],
  answer: string,
  rubric: readonly Pick<RubricItem, 'criterion' | 'points' | 'tags'>[],
): GradeView | null {
  const latest = grades.at(-1);
  if (!latest) return null;
  const answerChanged = latest.answerSha256 !== answerHash(answer);
  const rubricChanged = latest.rubricSha256 !== rubricHash(rubric);
  const staleReason =
    answerChanged && rubricChanged
      ? 'the answer and the rubric changed since this grade'
      : answerChanged
        ? 'the answer changed since this grade'
        : rubricChanged
          ? 'the rubric changed since this grade'
          : null;
  return {
    time: latest.time,
    judgeModel: latest.judgeModel,
    score: latest.score,
    scoreText: formatScore(latest.score),
    stale: staleReason !== null,
    staleReason,
    items: latest.items,
  };
}

/** The latest score of an answer text (any rubric), for the revision history. */
export function scoreOfAnswer(grades: readonly GradeRecord[], sha256: string): string | null {
  const grade = grades.filter((g) => g.answerSha256 === sha256).at(-1);
  return grade ? formatScore(grade.score) : null;
}

function isGradeRecord(value: unknown): value is GradeRecord {
  const v = value as GradeRecord;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.answerSha256 === 'string' &&
    typeof v.rubricSha256 === 'string' &&
    Array.isArray(v.items)
  );
}
